// Short lines that are page furniture whatever the site: labels of ads, teasers, share bars,
// comment and tag sections, copyright notes. Whole-line patterns in the languages the product
// meets most; a line must be short to be judged by them (see block-filter.ts). Data, not logic.

const L = (parts: string[]): RegExp => new RegExp(`^(?:${parts.join('|')})$`, 'iu');

/** A line that is only a label: dropped wherever it stands. */
export const LABEL_LINE = L([
  'advertisement', 'advertising', 'advertorial', 'advert', 'ad', 'ads', 'iklan', 'reklam', 'reklama', 'anuncio', 'annonce', 'anzeige', 'werbung', 'publicité', 'publicidad',
  'publicidade', 'pubblicità', 'реклама', '广告', '廣告', '광고', '広告', 'sponsored(?: content)?', 'paid (?:content|post)',
  'continue reading(?: below| the main story)?', '(?:story|article) continues below(?: advertisement)?',
  'weiterlesen', 'lire la suite', 'leia mais', 'leer más', 'continua a leggere', 'читать далее',
  'read (?:more|full story|the full (?:story|article)|next|on)', 'mehr (?:lesen|zum thema)', 'see more', 'show more',
  'load more', 'view (?:more|all|comments|gallery)', 'more', 'back to top', 'top', 'skip to (?:main )?content',
  'image \\d+ of (?:/ )?\\d+', '\\d+ of \\d+', 'caption', 'close', 'open', 'expand', 'enlarge', 'zoom', 'gallery',
  'photos?', 'videos?', 'watch(?: now| video)?', 'listen(?: to (?:this )?(?:article|story))?', 'play(?: video)?',
  'next', 'previous', 'prev', 'menu', 'sign in', 'log ?in', 'register', 'subscribe(?: now)?', 'newsletter',
  'sign up(?: now)?', 'media playback is unsupported on your device', 'loading(?:\\.\\.\\.|…)?',
  'this (?:slideshow|video|content|feature) requires javascript', '(?:please )?enable javascript.{0,60}',
  'related(?: articles| stories| posts| coverage| content| news| links| topics)?', 'more (?:on|from|about|in) .{1,40}',
  'you (?:may|might) (?:also )?(?:like|be interested in)\\.*', 'recommended(?: for you| stories| articles)?',
  'trending(?: now| stories| news| topics)?', 'filed under\\b.{0,80}', '(?:tempo de leitura|reading time|lesezeit|temps de lecture|tiempo de lectura)\\b.{0,20}', '\\d+ min(?:ute)?s? read', 'like this (?:story|article|post)\\?.{0,60}', 'most (?:popular|read|viewed|shared)', 'popular(?: now| this week| stories| posts)?',
  'latest(?: news| stories| articles| videos)?', 'recent (?:articles|posts|stories)', "don['’]?t miss", 'must read',
  "editor['’]?s picks?", 'top stories', 'in case you missed it', 'also read', 'read also', 'see also',
  'você (?:também )?(?:pode|vai) gostar', 'veja também', '(?:también )?te puede interesar', 'quizás te interese', 'vous aimerez (?:peut-être )?aussi', '(?:ti )?potrebbe interessarti', 'вам может понравиться', 'похожие (?:статьи|новости)', 'baca juga', 'lihat juga', 'lesen sie auch', 'zurück(?: zur übersicht)?', 'go back', 'volver', 'retour', '(?:vorschau auf den )?nächsten? artikel', '(?:vorheriger|voriger) artikel', '(?:next|previous) (?:article|post|story)', 'mehr themen', 'ten tekst przeczytasz.{0,30}', 'schon gelesen', 'weiterführende (?:links|artikel|informationen)', 'weitere (?:artikel|beiträge|meldungen|nachrichten|themen|links)', 'ähnliche (?:artikel|beiträge|themen)', 'mehr (?:zu|über|von|aus) .{1,40}', 'zum weiterlesen', 'heute empfehlen wir', 'bild anzeigen', 'bild vergrößern', 'kommentare? (?:schreiben|verfassen)', 'noch keine bewertungen', 'czytaj (?:też|także|więcej)', 'zobacz (?:też|także)', 'więcej', 'drukuj', 'noticias relacionadas', 'te recomendamos', 'lo más (?:leído|visto)', 'à lire (?:aussi|également)', 'sur le même sujet', 'lire aussi', 'auch interessant', '(?:das|dieses) (?:thema )?könnte (?:sie|dich|euch) auch interessieren', 'mehr zum thema', 'à lire aussi', 'weitere informationen(?: zum thema)?', 'quellen(?:angaben)?', 'sources?', 'fuentes?', 'źródła?', 'inhaltsverzeichnis', '(?:table of )?contents', 'inhalt', 'sommaire', 'índice', 'spis treści', 'содержание', '目录', '目錄', '目次', 'sie sind (?:aktuell |derzeit |noch )?nicht (?:eingeloggt|angemeldet)', 'you are not logged in', '(?:dieses? \\p{L}+ )?als pdf (?:herunterladen|downloaden)', 'download (?:as )?pdf', 'entdecke weitere .{1,30}',
  'voir aussi', 'lea también', 'leia também', 'leggi anche', 'читайте также', '相关(?:阅读|文章|新闻|链接|推荐)', '\\p{Script=Han}{0,4}(?:推荐|推薦|推广|推廣|排行榜?|相关|相關|热点|熱點)',
  '相關(?:閱讀|文章|新聞|連結)', '推荐阅读', '推薦閱讀', '延伸阅读', '延伸閱讀', '热门(?:文章|推荐|新闻)?', '熱門(?:文章|新聞)?',
  '関連記事', '관련기사', 'tags?', 'topics?', 'categories', 'filed under', 'schlagwörter', 'themen', 'étiquettes',
  'etiquetas', '标签', '標籤', '关键词', '關鍵字', 'タグ', 'comments?', '\\d+ comments?', 'leave a (?:comment|reply)',
  'add (?:a )?comment', 'post a comment', 'kommentare?', 'commentaires?', 'comentarios?', 'comentários', 'commenti',
  'комментарии', '评论', '評論', '我要评论', 'コメント', '댓글', 'share(?: this)?(?: article| story| post| page)?',
  'share (?:on|via) \\w+', 'teilen', 'partager', 'compartir', 'compartilhar', 'condividi', 'поделиться', '分享(?:到|本文)?',
  'follow (?:us|me)(?: on .{1,30})?', 'like us on facebook', 'folgen sie uns(?: auf .{1,30})?', 'suivez-nous(?: sur .{1,30})?',
  'síguenos(?: en .{1,30})?', 'siga-nos', 'seguici', 'print(?: this)?(?: article| page)?', 'e-?mail(?: this)?(?: article)?',
  'get .{0,40} (?:app|newsletter)',
  '(?:您现在的位置|您的位置|当前位置|現在位置|目前位置|所在位置|位置)\\s*[:：].{0,80}', '请您?对(?:该|这篇)?文章(?:评分|打分).{0,20}', '.{0,8}人已评', '更多关于.{0,60}', '的新闻', '放大(?:圖片|图片|图像|圖像)', '(?:本篇)?(?:新闻|新聞)?(?:热门|熱門)?(?:关键词|關鍵詞|关键字|關鍵字)(?:\\s*[:：].{0,60})?', '.{0,20}文字大小\\s*[:：]?.{0,20}',
  '(?:调整|調整)?(?:字号|字號|字體|字体)\\s*[:：︰].{0,20}', '.{0,4}(?:快速)?(?:翻页|翻頁)', '(?:打印|列印)(?:本[文页頁]|此[文页頁])?', '(?:关闭|關閉)(?:窗口|視窗)', '(?:返回|回到)(?:顶部|頂部|首页|首頁|\\p{Script=Han}{2,8})', '(?:快速)?(?:导航|導航)(?:\\s*[:：].{0,200})?', '.{0,30}(?:打印|列印)本(?:文章|文|页|頁)', '(?:[\\w’\' ]{1,30}) contributed to this report\\.?',
]);

/** The same in Chinese, where the words run together ("复制链接打印"). */
export const CJK_SHARE_WORDS = /复制链接|複製連結|复制网址|打印|列印|分享到|分享|收藏|转发|轉發|推荐给朋友|微博|微信|QQ空间|人人网|豆瓣|纠错|糾錯|关闭|關閉|字号|字號|字體|字体|[大中小]/giu;

/** Social network names and share verbs: a line made only of them is a share bar. */
export const SHARE_WORDS = new Set([
  'share', 'tweet', 'pin', 'pint', 'email', 'e-mail', 'mail', 'print', 'facebook', 'twitter', 'x', 'whatsapp',
  'linkedin', 'reddit', 'telegram', 'pinterest', 'tumblr', 'flipboard', 'messenger', 'line', 'weibo', 'wechat',
  'qq', 'vk', 'xing', 'copy', 'link', 'submit', 'save', 'comment', 'comments', 'sms', 'baixar', 'download',
  'teilen', 'partager', 'compartir', 'compartilhar', 'condividi', 'drucken', 'imprimir', 'imprimer', 'stampa',
  'google', 'plus', 'shares', 'more', 'on', 'via',
]);

/** Copyright and rights notes. */
export const RIGHTS = /^(?:©|\(c\)\s*\d{4}|copyright\b)|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|все права защищены|版权所有|版權所有|無断転載|무단전재|不得转载|未经授权|未經授權|经书面授权|經書面授權|不代表本[网站網]{1,2}(?:观点|觀點|立场|立場)|subject to copyright|\bis not responsible for the (?:opinions|content|views)\b/iu;

/** Wire-service sign-offs and contact lines at the end of a story. */
export const SIGN_OFF =
  /^\(?(?:reporting|writing|editing|additional reporting|compiled) by\b|\bcontributed (?:reporting|to this (?:report|story|article))\b|^(?:follow|more)\b.{0,80}\bhttps?:\/\/\S+\s*$|\baffiliate (?:links?|commission|partnerships?)\b|^(?:have a tip|reach (?:the )?(?:reporter|writer|author)s?|follow (?:him|her|them) on|contact (?:the )?(?:reporter|writer|author))\b|\bmay be reached at\b|^this (?:entry|post) was posted\b|^(?:warning|notice|deprecated|fatal error|strict standards|parse error)\s*:.{0,300}\bon line\s+\d+|^(?:anzeige|werbung|advertisement|sponsored|publicidad|publicité)\s*[-–:|]\s|^[(（]?\p{L}{1,6}(?:\s*\/\s*\p{L}{1,10}){1,3}[)）]?$|^follow\b.{0,60}\bon (?:twitter|facebook|instagram|linkedin|tiktok|youtube|x)\b|^(?:citation|quelle|source|fuente|fonte)\s*:\s*\S+.{0,80}\bretrieved\b|^[（(【\[]\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：]?[^（）()【】]{1,20}[）)】\]]$|^[（(【\[][^（）()【】]{1,20}(?:编辑|編輯)\s*[）)】\]]$|^更多关于.{1,80}的(?:新闻|新聞)\s*[:：]?$/iu;

/** Credit lines of pictures ("Photo: Jane Doe, AP", "Image: Getty", "(AP Photo/Alan Diaz)", "图为：..."). */
export const CREDIT =
  /^(?:图为|圖為)|^(?:新闻|新聞)?(?:图片|圖片)(?:来源|來源)|^(?:图片|圖片|摄影|攝影|图|圖)\s*[:：]|^[（(](?:图|圖|图片|圖片)[）)]|^(?:photo|photograph|image|picture|pictured|credit|credits|crédits?(?: photos?)?|crédito|foto|bild|bildquelle|abbildung|beitragsbild|titelbild|titelfoto|imagen|immagine|фото|图|圖|写真|사진)\s*(?:by|credit|:|：|\.{3}|…|\|)|^credit\.{3}|\((?:image|photo|picture|foto|credit|credits|bild)s?\s*:\s*[^)]{1,60}\)\s*$|\b(?:getty images|ap photo|reuters\/|afp(?: via getty images)?|shutterstock|istock(?:photo)?|dpa|domena publiczna|public domain|gemeinfrei|dominio público|domaine public|wikimedia commons)\b[^.]{0,40}\)?\s*$/iu;

/** "By Jane Doe", "Von Max Muster", "Por ..." at the start of a short line. */
export const BY_LINE = /^(?:[Bb][Yy]|[Vv]on|VON|[Pp]or|POR|[Pp]ar|PAR|[Dd]i|[Dd]oor|[Aa]v|[Aa]f|[Pp]rzez|[Оо]т|[Аа]втор)\s*[:：]?\s+\p{Lu}/u;

/** "Published", "Updated", "Posted" lines. */
export const STAMP_LINE =
  /^\|?\s*(?:(?:published|updated|posted|last updated|last modified|modified|veröffentlicht|aktualisiert|stand|publié|mis à jour|publicado|actualizado|atualizado|pubblicato|aggiornato|опубликовано|обновлено|veröffentlichung|erschienen|erstellt|publiziert|opublikowano|publikacja|aktualizacja|zaktualizowano|publicação|pubblicazione|publication|publicación)(?![\p{L}\p{N}])|发布|發布|更新时间|更新時間|公開日|更新日|입력|수정|(?:date|datum|fecha|data|дата|日期|时间|時間|来源|來源)\s*[:：])/iu;

/** Calls to subscribe: two of these words in one short line ("Sign up for our newsletter"). */
export const PROMO_WORDS =
  /\b(?:newsletters?|subscribe|subscribers?|subscription|sign(?:ing)? up|inbox|delivered|free trial|download (?:the|our) app|get (?:the|our) app|abonnieren|abonnez-vous|suscríbete|assine)\b/giu;

/** "... Facebook專頁 ... Like我們的專頁", "follow us on Twitter": a network named with a call to follow it. */
export const SOCIAL_NETWORK = /facebook|twitter|instagram|tiktok|youtube|telegram|whatsapp|微博|微信|公众号|公眾號|weibo|wechat/iu;
export const FOLLOW_CALL = /(?:like|follow|join|關注|关注|追蹤|追踪|讚好|订阅|訂閱)\s*(?:我們|我们|us(?![\p{L}]))|(?:nuestro|nuestra|our|unser(?:en)?)\s+(?:canal|channel|kanal|página|page|seite|perfil|profile)\b|按此\s*like|[点點]击关注|扫码关注|掃碼關注/iu;

/** Leftover CMS shortcodes: "[button link=...]Send us[/button]". */
export const SHORTCODE = /^\[\w+(?:\s[^\]]*)?\].*\[\/\w+\]$/u;

/** A call to action opening a line: "Sign up", "Subscribe to", "Get the app", "Start your day". */
export const PROMO_CALL = /^(?:sign up|subscribe|get|join|download|register|follow|start your|never miss|don['’]?t miss|want more|click|tap|jetzt|abonnieren|inscrivez|suscríbete|assine)\b/iu;

/** Disclaimers and rights statements that open the closing boilerplate of (mostly Chinese) news pages. */
export const DISCLAIMER =
  /^[【\[（(]?\s*(?:免责声明|免責聲明|版权声明|版權聲明|版权与免责声明|版權與免責聲明|郑重声明|鄭重聲明)|^[【\[（(]?\s*(?:声明|聲明|disclaimer|haftungsausschluss)\s*[】\]）)]?\s*[:：]|^.{0,12}(?:版权与免责声明|版權與免責聲明|免责声明|免責聲明|版权声明|版權聲明)\s*[:：]|^.{0,12}(?:版权与免责声明|版權與免責聲明|免责声明|免責聲明|版权声明|版權聲明|反侵权公告|反侵權公告|版权公告|版權公告|侵权声明|侵權聲明)\s*[:：]?\s*$/iu;

/** A breadcrumb trail: "Home > News > World". */
export const BREADCRUMB = /\S\s*(?:>|»|›|＞|→)\s*\S.*(?:>|»|›|＞|→)/u;

/**
 * Labels that open a section of links to other pages ("Related", "More from...", "相关新闻"):
 * what follows them, as long as it is links or short lines, goes with them.
 */
export const SECTION_LABEL = L([
  'related(?: articles| stories| posts| coverage| content| news| links| topics)?', 'more (?:on|from|about|in) .{1,40}',
  'more (?:stories|articles|news)', 'you (?:may|might) (?:also )?(?:like|be interested in)\\.*', 'recommended(?: for you| stories| articles)?',
  'read (?:also|more|next)', 'also read', 'see also', 'lesen sie auch', 'mehr zum thema', 'mehr (?:zu|über|von|aus) .{1,40}',
  'weiterführende (?:links|artikel|informationen)', 'weitere (?:artikel|beiträge|meldungen|nachrichten|themen|links)',
  'ähnliche (?:artikel|beiträge|themen)', '(?:das|dieses) (?:thema )?könnte (?:sie|dich|euch) auch interessieren', 'auch interessant', 'schon gelesen',
  'à lire (?:aussi|également)', 'lire aussi', 'sur le même sujet', 'voir aussi', 'noticias relacionadas', 'te recomendamos',
  'lea también', 'leia também', 'veja também', 'leggi anche', 'читайте также', 'czytaj (?:też|także)', 'zobacz (?:też|także)',
  'você (?:também )?(?:pode|vai) gostar', '(?:también )?te puede interesar', 'baca juga',
  '相关(?:阅读|文章|新闻|链接|推荐)', '相關(?:閱讀|文章|新聞|連結)', '推荐阅读', '推薦閱讀', '延伸阅读', '延伸閱讀', '関連記事', '관련기사',
]);

/**
 * After the article's last paragraph: appeals for support, letters and citation notes, job and
 * shop plugs ("If you enjoyed reading this post, would you consider supporting our work?").
 */
export const CLOSING_APPEAL =
  /\b(?:support(?:ing)? (?:our|us|independent)|consider (?:supporting|donating|a donation|subscribing)|help us (?:continue|keep)|become a (?:member|patron|supporter)|make a donation|unterstütze?n? (?:uns|unsere arbeit)|keine bezahlschranke|cancela cuando quieras|letters? to the editor|we want to hear (?:what you think|from you)|puede escribirnos|schreiben sie uns|suggested citation|zitiervorschlag|zitierweise|jobbörse|traumjobs?|kennt ihr schon|gefällt (?:dir|ihnen|euch) unser|(?:findest du|finden sie|findet ihr)\b.{0,60}\bhier\.?$)|(?:意见或建议|意見或建議|交流平台|欢迎投稿|歡迎投稿)|(?:诚邀|誠邀).{0,20}(?:投稿|爆料)/iu;

/**
 * A call to share or open the page by its QR code or copied link ("手机上长按并复制下列链接或二维码分享本文章：",
 * "扫描二维码分享到微信", "Scan the QR code to read on your phone"): the page's own furniture, often
 * printed with the page's address, so it may be long enough to pass for the last paragraph.
 */
export const QR_SHARE_CALL =
  /(?:长按|長按).{0,12}(?:复制|複製|识别|識別|保存|分享)|(?:扫描|掃描|扫一扫|掃一掃|扫码|掃碼|识别|識別).{0,10}(?:二维码|二維碼)|(?:二维码|二維碼).{0,10}(?:分享|转发|轉發)|\bscan (?:the|this) QR code/iu;
