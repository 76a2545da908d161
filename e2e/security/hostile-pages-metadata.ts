import { type AddPage, esc, JS, JSQ, T, TRACKER } from './hostile-payloads.ts';

// Pages 21-44 of the hostile corpus: payloads where Sift reads metadata and text (title, byline,
// captions, entity names, URLs, dates), encodings, odd markup and article images.
export function addMetadataPages(add: AddPage): void {
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
}
