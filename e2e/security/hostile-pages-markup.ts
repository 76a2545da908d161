import { type AddPage, dec, decPad, esc, hex, JS, JSQ, T, TRACKER } from './hostile-payloads.ts';

// Pages 1-20 of the hostile corpus: script, event handlers, script URLs, fetching and tracking
// vectors, mutation XSS and DOM clobbering, each page one family.
export function addMarkupPages(add: AddPage): void {
  add(1, (id) => ({
    slug: 'script-elements', family: 'script elements', prose: 0,
    body: [
      `<script>${JS(id('a'))}</script>`,
      `<SCRIPT SRC="${T(id('b'))}.js"></SCRIPT>`,
      `<script type="module">${JS(id('c'))}</script>`,
      `<scr<script>ipt>${JS(id('d'))}</scr</script>ipt>`,
      `<p>Before<script>/*<!--*/${JS(id('e'))}//--></script>after.</p>`,
      `<script type="text/javascript" defer async src="data:text/javascript,${encodeURIComponent(JS(id('f')))}"></script>`,
    ],
  }));

  add(2, (id) => ({
    slug: 'img-onerror', family: 'image event handlers', prose: 1,
    body: [
      `<p><img src="x" onerror="${JS(id('a'))}"></p>`,
      `<p><IMG SRC=/ ONERROR="${JS(id('b'))}"></p>`,
      `<p><img src onerror=${JSQ(id('c'))}></p>`,
      `<p><img/src/onerror=${JSQ(id('d'))}></p>`,
      `<p><img src="img/photo.png" onload="${JS(id('e'))}" alt="A real photo with an onload handler"></p>`,
      `<p><img src=\`x\`onerror="${JS(id('f'))}"></p>`,
    ],
  }));

  add(3, (id) => ({
    slug: 'event-handlers', family: 'event handler attributes', prose: 2,
    body: [
      `<p onclick="${JS(id('a'))}" onmouseover="${JS(id('b'))}">Hover over this paragraph for more about the dome.</p>`,
      `<details open ontoggle="${JS(id('c'))}"><summary>Repair notes</summary><p>Each section was pinned by hand.</p></details>`,
      `<div onpointerenter="${JS(id('d'))}" onanimationstart="${JS(id('e'))}"><p>Plaster samples were tested in the workshop.</p></div>`,
      `<a href="https://example.org/dome" onfocus="${JS(id('f'))}" autofocus tabindex="1">Read the full report</a>`,
      `<body onload="${JS(id('g'))}" onpageshow="${JS(id('h'))}"><p>Nested body.</p></body>`,
      `<p><span onbeforecopy="${JS(id('i'))}" oncopy="${JS(id('j'))}">Copy this sentence.</span></p>`,
    ],
  }));

  add(4, (id) => ({
    slug: 'javascript-url-case', family: 'javascript: URLs in mixed case', prose: 3,
    body: [
      `<p><a href="JaVaScRiPt:${JS(id('a'))}">See the volunteer map</a></p>`,
      `<p><a href="JAVASCRIPT:${JS(id('b'))}">Download the spreadsheet</a></p>`,
      `<p><a href="javascript:${JS(id('c'))}">Join the group</a></p>`,
      `<p><a href="jAvAsCrIpT://%0a${encodeURIComponent(JS(id('d')))}">River authority notice</a></p>`,
      `<p><a HREF="Javascript:void(0)" onclick="${JS(id('e'))}">Subscribe</a></p>`,
    ],
  }));

  add(5, (id) => ({
    slug: 'javascript-url-whitespace', family: 'javascript: URLs with whitespace and control characters', prose: 4,
    body: [
      `<p><a href=" javascript:${JS(id('a'))}">Leading space</a></p>`,
      `<p><a href="java\tscript:${JS(id('b'))}">Tab inside the scheme</a></p>`,
      `<p><a href="java&#x09;script:${JS(id('c'))}">Encoded tab</a></p>`,
      `<p><a href="java&#10;script:${JS(id('d'))}">Encoded newline</a></p>`,
      `<p><a href="&#x01;&#x02;javascript:${JS(id('e'))}">Control characters first</a></p>`,
      `<p><a href="javascript&colon;${JS(id('f'))}">Named colon entity</a></p>`,
      `<p><a href="\u00a0javascript:${JS(id('g'))}">No-break space</a></p>`,
      `<p><a href="java\u0000script:${JS(id('h'))}">NUL inside</a></p>`,
    ],
  }));

  add(6, (id) => ({
    slug: 'javascript-url-entities', family: 'javascript: URLs written with character references', prose: 5,
    body: [
      `<p><a href="${dec('javascript:')}${JS(id('a'))}">Decimal references</a></p>`,
      `<p><a href="${hex('javascript:')}${JS(id('b'))}">Hex references</a></p>`,
      `<p><a href="${decPad('javascript:')}${JS(id('c'))}">Zero-padded, no semicolons</a></p>`,
      `<p><a href="&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58${JSQ(id('d'))}">No semicolons</a></p>`,
      `<p><img src="img/photo.png" alt="logbook" longdesc="${hex('javascript:')}${JS(id('e'))}"></p>`,
      `<p><a href="&amp;#106;avascript:${JS(id('f'))}">Double-encoded</a></p>`,
    ],
  }));

  add(7, (id) => ({
    slug: 'data-urls', family: 'data: URLs', prose: 0,
    body: [
      `<p><a href="data:text/html;base64,${Buffer.from(`<script>${JS(id('a'))}</script>`).toString('base64')}">Timetable (HTML)</a></p>`,
      `<p><a href="DATA:text/html,&lt;script&gt;${JS(id('b'))}&lt;/script&gt;">Timetable in capitals</a></p>`,
      `<iframe src="data:text/html,<script>${JS(id('c'))}</script>"></iframe>`,
      `<object data="data:text/html;base64,${Buffer.from(`<script>${JS(id('d'))}</script>`).toString('base64')}"></object>`,
      `<p><img src="data:image/svg+xml,&lt;svg xmlns='http://www.w3.org/2000/svg' onload='${JSQ(id('e'))}'/&gt;" alt="inline svg"></p>`,
      `<embed src="data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="${JS(id('f'))}"/>`).toString('base64')}">`,
      `<p><a href=" data:text/html,<img src=x onerror=${JSQ(id('g'))}>">Spaced data link</a></p>`,
    ],
  }));

  add(8, (id) => ({
    slug: 'vbscript-urls', family: 'vbscript: URLs', prose: 1,
    body: [
      `<p><a href="vbscript:msgbox(&quot;${id('a')}&quot;)">Hive diary</a></p>`,
      `<p><a href="VBScript:Execute(&quot;${id('b')}&quot;)">Winter checklist</a></p>`,
      `<p><a href=" vbscript&#58;msgbox(1)" title="${id('c')}">Association courses</a></p>`,
      `<p><img src="img/photo.png" alt="hive" lowsrc="vbscript:msgbox(&quot;${id('d')}&quot;)" dynsrc="${T(id('e'))}"></p>`,
      `<p><a href="livescript:${JS(id('f'))}">Old scheme</a> and <a href="mocha:${JS(id('g'))}">older scheme</a>.</p>`,
    ],
  }));

  add(9, (id) => ({
    slug: 'svg-vectors', family: 'svg vectors', prose: 2,
    body: [
      `<svg onload="${JS(id('a'))}"><circle r="4"/></svg>`,
      `<svg><script>${JS(id('b'))}</script></svg>`,
      `<svg><a xlink:href="javascript:${JS(id('c'))}"><text x="10" y="20">Plan of the dome</text></a></svg>`,
      `<svg><animate onbegin="${JS(id('d'))}" attributeName="x" dur="1s"/></svg>`,
      `<svg><a><set attributeName="href" to="javascript:${JS(id('e'))}"/><text y="20">Click</text></a></svg>`,
      `<svg><foreignObject><iframe src="${T(id('f'))}"></iframe><img src=x onerror="${JS(id('g'))}"></foreignObject></svg>`,
      `<svg><image href="${T(id('h'))}" width="10" height="10"/><use href="${T(id('i'))}#x"/></svg>`,
      `<svg><style>@import url(${T(id('j'))});</style><feImage href="${T(id('k'))}"/></svg>`,
    ],
  }));

  add(10, (id) => ({
    slug: 'math-vectors', family: 'MathML vectors', prose: 3,
    body: [
      `<math><mtext><table><mglyph><style><img src=x onerror="${JS(id('a'))}"></style></mglyph></table></mtext></math>`,
      `<math href="javascript:${JS(id('b'))}"><mi>x</mi></math>`,
      `<math><maction actiontype="statusline" xlink:href="javascript:${JS(id('c'))}"><mtext>tonnes</mtext></maction></math>`,
      `<math><mi xlink:href="data:x,<script>${JS(id('d'))}</script>">y</mi></math>`,
      `<math><annotation-xml encoding="text/html"><img src=x onerror="${JS(id('e'))}"></annotation-xml></math>`,
    ],
  }));

  add(11, (id) => ({
    slug: 'meta-refresh', family: 'meta refresh', prose: 4,
    head: [`<meta http-equiv="refresh" content="30;url=${T(id('a'))}">`],
    body: [
      `<meta http-equiv="refresh" content="0;url=${T(id('b'))}">`,
      `<meta http-equiv="Refresh" content="0; URL=javascript:${JS(id('c'))}">`,
      `<p>The starter <meta http-equiv="refresh" content="1;url=${T(id('d'))}"> is fed twice a day.</p>`,
      `<meta http-equiv="set-cookie" content="sift=${id('e')}"><meta http-equiv="content-security-policy" content="script-src 'unsafe-inline'">`,
    ],
  }));

  add(12, (id) => ({
    slug: 'base-href', family: 'base href', prose: 5, noImages: true,
    head: [`<base href="${TRACKER}/base/${id('a')}/">`],
    body: [
      `<base href="javascript:${JSQ(id('b'))}//">`,
      `<p><a href="logbooks/1893.html">Read the 1893 log</a> and <a href="../volunteer">volunteer</a>.</p>`,
      `<base href="${TRACKER}/base2/${id('c')}/" target="_top">`,
      `<p><a href="scans/page-42.jpg">Scan of page 42</a></p>`,
    ],
  }));

  add(13, (id) => ({
    slug: 'srcset-tracking', family: 'srcset, picture and sizes tracking', prose: 0,
    body: [
      `<p><img src="img/photo.png" srcset="${T(id('a'))} 2x, ${T(id('b'))} 800w" sizes="100vw" alt="Tram at dawn"></p>`,
      `<picture><source srcset="${T(id('c'))}" media="(min-width: 1px)"><source type="image/webp" srcset="${T(id('d'))}"><img src="img/photo.png" alt="Depot"></picture>`,
      `<p><img src="img/photo.png" data-srcset="${T(id('e'))} 2x" alt="Lazy srcset"></p>`,
      `<p><img src="img/photo.png" imagesrcset="${T(id('f'))} 2x" alt="imagesrcset"></p>`,
    ],
  }));

  add(14, (id) => ({
    slug: 'style-tracking', family: 'style, CSS url() and link tracking', prose: 1,
    head: [`<link rel="stylesheet" href="${T(id('a'))}.css">`, `<style>@import url("${T(id('b'))}.css");</style>`],
    body: [
      `<style>body{background:url(${T(id('c'))})}@font-face{font-family:x;src:url(${T(id('d'))})}</style>`,
      `<p style="background:url(${T(id('e'))})">Bees cluster around the queen.</p>`,
      `<div style="background-image:image-set('${T(id('f'))}' 1x)"><p>Winter stores.</p></div>`,
      `<p style="list-style:url(${T(id('g'))});border-image:url(${T(id('h'))}) 30">A styled paragraph.</p>`,
      `<link rel="stylesheet" href="${T(id('i'))}.css"><p>Body link element.</p>`,
      `<p style="behavior:url(${T(id('j'))});-moz-binding:url(${T(id('k'))})">Old browser bindings.</p>`,
    ],
  }));

  add(15, (id) => ({
    slug: 'iframe-tracking', family: 'iframe, frame, object and embed', prose: 2,
    body: [
      `<iframe src="${T(id('a'))}" width="600" height="400"></iframe>`,
      `<iframe srcdoc="<script>${esc(JS(id('b')))}</script>"></iframe>`,
      `<frameset><frame src="${T(id('c'))}"></frameset>`,
      `<object data="${T(id('d'))}" type="text/html"><param name="src" value="${T(id('e'))}"></object>`,
      `<embed src="${T(id('f'))}" type="image/svg+xml">`,
      `<portal src="${T(id('g'))}"></portal><fencedframe src="${T(id('h'))}"></fencedframe>`,
      `<iframe src="javascript:parent.${JSQ(id('i'))}"></iframe>`,
    ],
  }));

  add(16, (id) => ({
    slug: 'fetching-attributes', family: 'background, poster, ping, prefetch, input image', prose: 3,
    head: [`<link rel="prefetch" href="${T(id('a'))}">`, `<link rel="preload" as="image" href="${T(id('b'))}">`],
    body: [
      `<table background="${T(id('c'))}"><tr><td background="${T(id('d'))}">Bottles</td><td>52%</td></tr><tr><td>Packaging</td><td>31%</td></tr></table>`,
      `<video poster="${T(id('e'))}" src="${T(id('f'))}" autoplay muted></video>`,
      `<p><a href="https://example.org/otters" ping="${T(id('g'))}">Photographs of the otters</a></p>`,
      `<input type="image" src="${T(id('h'))}" alt="Submit">`,
      `<audio src="${T(id('i'))}" autoplay></audio><video><track src="${T(id('j'))}" default></video>`,
      `<p><img src="img/photo.png" attributionsrc="${T(id('k'))}" alt="Volunteers at work"></p>`,
      `<link rel="prefetch" href="${T(id('l'))}"><link rel="modulepreload" href="${T(id('m'))}"><link rel="icon" href="${T(id('n'))}">`,
    ],
  }));

  add(17, (id) => ({
    slug: 'form-actions', family: 'form actions', prose: 4,
    body: [
      `<form action="${T(id('a'))}" method="post"><input name="q" value="starter"><button>Order bread</button></form>`,
      `<form action="javascript:${JS(id('b'))}"><input type="submit" value="Reserve a loaf"></form>`,
      `<form><button formaction="javascript:${JS(id('c'))}">Pay</button><input type="image" formaction="${T(id('d'))}" src="img/photo.png"></form>`,
      `<isindex action="javascript:${JS(id('e'))}" type="image">`,
      `<form id="f-${id('f')}"></form><button form="f-${id('f')}" formaction="${T(id('f'))}">Outside button</button>`,
    ],
  }));

  add(18, (id) => ({
    slug: 'dangling-markup', family: 'dangling markup', prose: 5,
    body: [
      // An image is content (it loads); what it swallows must not turn into anything else.
      `<p>Start <img src='img/photo.png?${id('a')}=` ,
      `leak=</p><p>The keepers recorded the wind.</p><p>'>end</p>`,
      `<p><a href="${T(id('b'))}?q=`,
      `">Keeper's note</a></p>`,
      `<p><textarea>`,
      `</textarea><meta http-equiv="refresh" content='0;url=${T(id('c'))}?`,
      `'></p><p>Visibility was poor all night.</p>`,
    ],
  }));

  add(19, (id) => ({
    slug: 'mutation-xss', family: 'mutation XSS', prose: 0,
    body: [
      `<svg></p><style><a id="</style><img src=1 onerror=${JSQ(id('a'))}>">`,
      `<math><mi><table><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${JSQ(id('b'))} src=1>"></textarea></mtext></svg></mglyph></mi></table></mi></math>`,
      `<noscript><p title="</noscript><img src=x onerror=${JSQ(id('c'))}>"></noscript>`,
      `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${JSQ(id('d'))}>`,
      `<xmp><p title="</xmp><img src=x onerror=${JSQ(id('e'))}>"></xmp>`,
      `<noembed><img title="</noembed><img src onerror=${JSQ(id('f'))}>"></noembed>`,
      `<listing>&lt;img src=x onerror=${JSQ(id('g'))}&gt;</listing>`,
      `<template><img src=x onerror="${JS(id('h'))}"></template><div><template shadowrootmode="open"><img src=x onerror="${JS(id('i'))}"></template></div>`,
    ],
  }));

  add(20, (id) => ({
    slug: 'dom-clobbering', family: 'DOM clobbering', prose: 1,
    body: [
      `<img name="getElementById" src="img/photo.png" alt="clobber getElementById ${id('a')}">`,
      `<form id="document"><input name="cookie" value="${id('b')}"></form><form name="body"></form>`,
      `<a id="__siftContent" href="javascript:${JS(id('c'))}">clobber</a><a id="__siftContent" name="extract" href="${T(id('d'))}">twice</a>`,
      `<img name="createElement" src="img/photo.png" alt="${id('e')}"><form name="querySelectorAll"></form><img name="getElementsByTagName" src="img/photo.png" alt="${id('f')}">`,
      `<a id="location" href="${T(id('g'))}">location</a><a id="defaultView" name="defaultView" href="javascript:${JS(id('h'))}">dv</a>`,
      `<iframe name="__siftXss" src="${T(id('i'))}"></iframe><embed name="chrome" src="${T(id('j'))}">`,
    ],
  }));
}
