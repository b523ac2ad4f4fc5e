"""One fixture per shipped source, shaped after that source's real markup and discovery document.

Each fixture is written here by hand: the element names, classes, URL forms and metadata follow
what public evidence shows for the source (the origin is named above each one), the text is our
own. A fixture holds the discovery document (feed or listing) as the site serves it, one article
page the document leads to, and what extraction must give for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

MSK = timezone(timedelta(hours=3))
TRT = timezone(timedelta(hours=3))  # Turkey, UTC+3 all year
CST = timezone(timedelta(hours=8))  # Beijing
IST = timezone(timedelta(hours=5, minutes=30))
KST = timezone(timedelta(hours=9))
EST = timezone(timedelta(hours=-5))
CET = timezone(timedelta(hours=1))


@dataclass(frozen=True)
class SourceFixture:
    source: str
    document_url: str  # one of the source's feeds or listings
    document: str  # as the site serves it
    article_url: str  # the link the document gives for the article below
    article: str  # the article page
    title: str
    published_at: datetime
    body_has: tuple[str, ...]  # sentences the body must contain (lead, middle, last)
    body_lacks: tuple[str, ...] = ()  # page furniture that must stay out
    other_links: tuple[str, ...] = field(default=())  # links in a listing that are no articles


def _nav(*items: str) -> str:
    links = "".join(f'<li><a href="/{i.lower().replace(" ", "-")}">{i}</a></li>' for i in items)
    return f"<nav><ul>{links}</ul></nav>"


def _rss(items: list[tuple[str, str, str]], title: str = "News") -> str:
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>{date}</pubDate>"
        f"<description>{t}</description></item>"
        for t, link, date in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>https://example.invalid/</link>{entries}</channel></rss>"
    )


FOOTER = (
    "<footer><p>About us</p><p>Contacts</p><p>Terms of use</p>"
    "<p>© 2026 All rights reserved.</p></footer>"
)

# --------------------------------------------------------------------------------------------
# The Moscow Times: RSS at /rss/news (public feed lists). The page is the common news shape
# (article:published_time with an offset, one text container); the source needs no selector, and
# its class names here were not checked against a stored snapshot.
MOSCOW_TIMES = SourceFixture(
    source="moscow-times",
    document_url="https://www.themoscowtimes.com/rss/news",
    document=_rss(
        [
            (
                "Lavrov Meets Iranian Counterpart in Moscow",
                "https://www.themoscowtimes.com/2026/11/30/lavrov-meets-iranian-counterpart-in-moscow-a91234",
                "Mon, 30 Nov 2026 14:05:00 +0300",
            )
        ]
    ),
    article_url="https://www.themoscowtimes.com/2026/11/30/lavrov-meets-iranian-counterpart-in-moscow-a91234",
    article="""<html lang="en"><head>
<title>Lavrov Meets Iranian Counterpart in Moscow - The Moscow Times</title>
<meta property="og:title" content="Lavrov Meets Iranian Counterpart in Moscow">
<meta property="article:published_time" content="2026-11-30T14:05:00+03:00">
</head><body>"""
    + _nav("News", "Opinion", "Business", "Arts and Life", "Newsletters", "Donate")
    + """<main><article class="article">
<h1 class="article__title">Lavrov Meets Iranian Counterpart in Moscow</h1>
<div class="article__content">
<p>Russian Foreign Minister Sergei Lavrov met his Iranian counterpart Abbas Araghchi in Moscow on
Monday, the Foreign Ministry said, in their third meeting this year.</p>
<p>The two ministers discussed the nuclear talks, transport corridors through the Caspian region
and the payment systems both countries use to get around Western sanctions.</p>
<p>Lavrov told reporters after the talks that Moscow and Tehran would sign a new agreement on
information security before the end of the year.</p>
</div></article></main>"""
    + FOOTER
    + "</body></html>",
    title="Lavrov Meets Iranian Counterpart in Moscow",
    published_at=datetime(2026, 11, 30, 14, 5, tzinfo=MSK),
    body_has=(
        "Sergei Lavrov met his Iranian counterpart Abbas Araghchi",
        "sign a new agreement on information security",
    ),
    body_lacks=("Newsletters", "All rights reserved"),
)

# --------------------------------------------------------------------------------------------
# Kremlin: news list links /events/president/news/<id>; page header h1.entry-title.p-name,
# lead div.read__lead.entry-summary.p-summary, text div.entry-content.e-content
# .read__internal_content, date time.read__published, place div.read__place.p-location, a
# div.read__bottommeta with "published in" lines (public kremlin.ru parsers in Java and Python).
KREMLIN = SourceFixture(
    source="kremlin",
    document_url="http://en.kremlin.ru/events/president/news",
    document="""<html><body>"""
    + _nav("President", "Events", "Structure", "Videos", "Photos", "Documents")
    + """<div class="events">
<div class="hentry h-entry hentry_event"><a href="/events/president/news/78123" rel="bookmark">
<h3 class="hentry__title">Telephone conversation with President of Turkey Recep Tayyip
Erdogan</h3></a><time class="published" datetime="2026-11-30">November 30, 2026</time></div>
<div class="hentry h-entry hentry_event"><a href="/events/president/news/78120">
<h3 class="hentry__title">Meeting with Government members</h3></a></div>
</div><a href="/events/president/news/page/2">Next page</a>
<a href="/events/president/news/by-date/30.11.2026">By date</a>
</body></html>""",
    article_url="http://en.kremlin.ru/events/president/news/78123",
    article="""<html lang="en"><head>
<title>Telephone conversation with President of Turkey Recep Tayyip Erdogan • President of
Russia</title>
<meta property="og:title" content="Telephone conversation with President of Turkey Recep Tayyip Erdogan">
<meta itemprop="datePublished" content="2026-11-30">
</head><body>"""
    + _nav("President", "Events", "Structure", "Videos", "Photos", "Documents", "Contacts")
    + """<article class="read__in hentry h-entry">
<h1 class="entry-title p-name">Telephone conversation with President of Turkey Recep Tayyip
Erdogan</h1>
<div class="read__meta"><time class="read__published" datetime="2026-11-30">November 30,
2026</time><div class="read__time">18:40</div>
<div class="read__place p-location">Moscow</div></div>
<div class="read__lead entry-summary p-summary"><div><p>Vladimir Putin had a telephone
conversation with President of the Republic of Turkey Recep Tayyip Erdogan.</p></div></div>
<div class="entry-content e-content read__internal_content">
<p>The two leaders discussed the situation in the Middle East and the prospects for resuming
direct negotiations on the Black Sea grain initiative.</p>
<p>Vladimir Putin and Recep Tayyip Erdogan also reviewed the implementation of joint projects in
energy, including the construction of the Akkuyu nuclear power plant.</p>
<p>The presidents agreed to continue contacts at various levels.</p>
<div class="read__bottommeta hidden-copy"><p>Publication status: Published in sections: News,
Transcripts</p><p>Publication date: November 30, 2026, 18:40</p></div>
</div></article>"""
    + FOOTER
    + "</body></html>",
    title="Telephone conversation with President of Turkey Recep Tayyip Erdogan",
    published_at=datetime(2026, 11, 30, 0, 0, tzinfo=MSK),
    body_has=(
        "Vladimir Putin had a telephone conversation with President of the Republic of Turkey",
        "construction of the Akkuyu nuclear power plant",
        "agreed to continue contacts at various levels",
    ),
    body_lacks=("Publication status", "All rights reserved"),
    other_links=(
        "http://en.kremlin.ru/events/president/news/page/2",
        "http://en.kremlin.ru/events/president/news/by-date/30.11.2026",
    ),
)

# --------------------------------------------------------------------------------------------
# TASS: https://tass.com/rss/v2.xml (section listings are filled by JavaScript); title
# h1.news-header__title, lead div.news-header__lead, text div.text-block inside
# div.text-content, time in <dateformat time="..."> (RSSHub's tass route; Scrapy spiders of
# tass.ru; a 2026 collector's TassCom extractor). The og:title carries " - Section - TASS".
TASS = SourceFixture(
    source="tass",
    document_url="https://tass.com/rss/v2.xml",
    document=_rss(
        [
            (
                "Russian, Chinese top diplomats discuss Asia-Pacific security by phone",
                "https://tass.com/politics/2051234",
                "Mon, 30 Nov 2026 11:20:31 +0300",
            )
        ],
        title="TASS",
    ),
    article_url="https://tass.com/politics/2051234",
    article="""<html lang="en"><head>
<title>Russian, Chinese top diplomats discuss Asia-Pacific security by phone - Politics - TASS</title>
<meta property="og:title" content="Russian, Chinese top diplomats discuss Asia-Pacific security by phone - Politics - TASS">
<meta property="article:published_time" content="2026-11-30T11:20:31+03:00">
</head><body>"""
    + _nav("Politics", "World", "Business & Economy", "Military & Defense", "Science", "Sport")
    + """<div id="news" class="news">
<div class="news-header"><h1 class="news-header__title">Russian, Chinese top diplomats discuss
Asia-Pacific security by phone</h1>
<div class="news-header__lead">The ministers also exchanged views on preparations for
upcoming high-level contacts, the Russian Foreign Ministry said</div>
<span><dateformat time="1764490831" mode="abs"></dateformat></span></div>
<div class="news-media"><img src="/img/1.jpg" alt=""></div>
<div class="text-content"><div class="text-block">
<p>MOSCOW, November 30. /TASS/. Russian Foreign Minister Sergei Lavrov and Chinese Foreign
Minister Wang Yi held a telephone conversation on Monday, the Russian Foreign Ministry said.</p>
<p>"The ministers discussed security in the Asia-Pacific region, paying special attention to
the situation on the Korean Peninsula," the ministry said in a statement.</p>
<p>Lavrov and Wang Yi also agreed to coordinate approaches at the United Nations.</p>
</div></div>
<div class="tags"><a class="tags__item" href="/tags/lavrov">Sergei Lavrov</a></div>
</div>"""
    + FOOTER
    + "</body></html>",
    title="Russian, Chinese top diplomats discuss Asia-Pacific security by phone",
    published_at=datetime(2026, 11, 30, 11, 20, 31, tzinfo=MSK),
    body_has=(
        "exchanged views on preparations for upcoming high-level contacts",
        "Sergei Lavrov and Chinese Foreign Minister Wang Yi held a telephone conversation",
        "agreed to coordinate approaches at the United Nations",
    ),
    body_lacks=("Military & Defense", "All rights reserved"),
)

# --------------------------------------------------------------------------------------------
# Al Jazeera: /xml/rss/all.xml (a 2026-05 probe: 25 entries). The page is the common news shape
# (JSON-LD NewsArticle, one text container, a "More on this" teaser list); class names were not
# checked against a stored snapshot.
AL_JAZEERA = SourceFixture(
    source="al-jazeera",
    document_url="https://www.aljazeera.com/xml/rss/all.xml",
    document=_rss(
        [
            (
                "Egypt hosts Hamas and Israeli delegations for ceasefire talks",
                "https://www.aljazeera.com/news/2026/11/30/egypt-hosts-hamas-and-israeli-delegations-for-ceasefire-talks",
                "Mon, 30 Nov 2026 09:12:44 +0000",
            )
        ]
    ),
    article_url="https://www.aljazeera.com/news/2026/11/30/egypt-hosts-hamas-and-israeli-delegations-for-ceasefire-talks",
    article="""<html lang="en"><head>
<title>Egypt hosts Hamas and Israeli delegations for ceasefire talks | Israel-Palestine conflict
News | Al Jazeera</title>
<meta property="og:title" content="Egypt hosts Hamas and Israeli delegations for ceasefire talks">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Egypt hosts Hamas and Israeli delegations for ceasefire talks",
"datePublished":"2026-11-30T09:12:44Z","dateModified":"2026-11-30T10:01:00Z"}</script>
</head><body>"""
    + _nav("News", "Middle East", "Africa", "Asia", "US & Canada", "Features", "Opinion", "Video")
    + """<main id="main-content-area"><header class="article-header"><h1>Egypt hosts Hamas and
Israeli delegations for ceasefire talks</h1></header>
<div class="wysiwyg wysiwyg--all-content">
<p>Egyptian officials hosted separate delegations from Hamas and Israel in Cairo on Monday for
indirect talks on extending the ceasefire in Gaza, Egyptian state media reported.</p>
<p>Egypt's foreign minister met the head of the Hamas delegation before talks with the Israeli
team, led by an adviser to the prime minister, a source close to the talks said.</p>
<p>Qatari mediators are expected to join the talks on Tuesday.</p>
</div>
<div class="more-on"><h2>More on this</h2><ul><li><a href="/news/2026/11/29/a">Gaza ceasefire
holds for a second week</a></li><li><a href="/news/2026/11/28/b">Aid trucks enter northern Gaza
through new crossing</a></li></ul></div></main>"""
    + FOOTER
    + "</body></html>",
    title="Egypt hosts Hamas and Israeli delegations for ceasefire talks",
    published_at=datetime(2026, 11, 30, 9, 12, 44, tzinfo=UTC),
    body_has=(
        "hosted separate delegations from Hamas and Israel in Cairo on Monday",
        "Qatari mediators are expected to join the talks on Tuesday",
    ),
    body_lacks=("Gaza ceasefire holds for a second week", "US & Canada"),
)

# --------------------------------------------------------------------------------------------
# US State Department: WordPress feeds /rss-feed/<collection>/feed/ (the press-releases feed
# answers a "Mozilla/5.0 (compatible; ...)" client: a 2026-10-02 probe); release URLs as public
# repositories link them (/releases/office-of-the-spokesperson/2026/05/...). The page is a
# WordPress page with a Yoast JSON-LD graph; class names were not checked against a snapshot.
STATE_DEPARTMENT = SourceFixture(
    source="us-state-department",
    document_url="https://www.state.gov/rss-feed/press-releases/feed/",
    document=_rss(
        [
            (
                "Secretary Rubio's Call with Indian External Affairs Minister Jaishankar",
                "https://www.state.gov/releases/office-of-the-spokesperson/2026/11/secretary-rubios-call-with-indian-external-affairs-minister-jaishankar",
                "Mon, 30 Nov 2026 17:30:00 +0000",
            )
        ],
        title="Press Releases – United States Department of State",
    ),
    article_url="https://www.state.gov/releases/office-of-the-spokesperson/2026/11/secretary-rubios-call-with-indian-external-affairs-minister-jaishankar",
    article="""<html lang="en-US"><head>
<title>Secretary Rubio's Call with Indian External Affairs Minister Jaishankar - United States
Department of State</title>
<meta property="og:title" content="Secretary Rubio's Call with Indian External Affairs Minister Jaishankar">
<script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org",
"@graph":[{"@type":"WebPage","name":"Secretary Rubio's Call with Indian External Affairs
Minister Jaishankar","datePublished":"2026-11-30T12:30:00-05:00"}]}</script>
</head><body>"""
    + _nav("Travel", "Careers", "Countries & Areas", "Bureaus & Offices", "About", "Press")
    + """<main><div class="featured-content__headline"><h1>Secretary Rubio's Call with Indian
External Affairs Minister Jaishankar</h1><p class="article-meta__content-type">Readout</p>
<p class="article-meta__author-bureau">Office of the Spokesperson</p>
<p class="article-meta__publish-date">November 30, 2026</p></div>
<div class="entry-content">
<p>The below is attributable to Spokesperson Tammy Bruce:</p>
<p>Secretary of State Marco Rubio spoke today with Indian External Affairs Minister Subrahmanyam
Jaishankar about the next Quad foreign ministers' meeting and maritime security.</p>
<p>The Secretary and the External Affairs Minister also discussed trade and critical minerals
supply chains between the United States and India.</p>
</div></main>"""
    + FOOTER
    + "</body></html>",
    title="Secretary Rubio's Call with Indian External Affairs Minister Jaishankar",
    published_at=datetime(2026, 11, 30, 12, 30, tzinfo=EST),
    body_has=(
        "Marco Rubio spoke today with Indian External Affairs Minister Subrahmanyam Jaishankar",
        "critical minerals supply chains",
    ),
    body_lacks=("Bureaus & Offices", "All rights reserved"),
)

# --------------------------------------------------------------------------------------------
# GOV.UK: the search Atom feed (entries with <link rel="alternate" href=...> and <updated>);
# pages with meta name="govuk:first-published-at" and the text in div.govspeak (GOV.UK's
# frontend templates, public on GitHub as alphagov/government-frontend).
UK_FCDO = SourceFixture(
    source="uk-fcdo",
    document_url="https://www.gov.uk/search/news-and-communications.atom?organisations%5B%5D=foreign-commonwealth-development-office",
    document="""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<id>https://www.gov.uk/search/news-and-communications</id>
<title>News and communications - Foreign, Commonwealth &amp; Development Office</title>
<updated>2026-11-30T16:02:11+00:00</updated>
<entry><id>https://www.gov.uk/government/news/foreign-secretary-meets-ukrainian-foreign-minister</id>
<updated>2026-11-30T16:02:11+00:00</updated>
<link rel="alternate" type="text/html" href="https://www.gov.uk/government/news/foreign-secretary-meets-ukrainian-foreign-minister"/>
<title>Foreign Secretary meets Ukrainian Foreign Minister</title>
<summary type="html">The Foreign Secretary met the Ukrainian Foreign Minister in London.</summary>
</entry></feed>""",
    article_url="https://www.gov.uk/government/news/foreign-secretary-meets-ukrainian-foreign-minister",
    article="""<html lang="en"><head>
<title>Foreign Secretary meets Ukrainian Foreign Minister - GOV.UK</title>
<meta property="og:title" content="Foreign Secretary meets Ukrainian Foreign Minister">
<meta name="govuk:first-published-at" content="2026-11-30T16:00:00+00:00">
<meta name="govuk:public-updated-at" content="2026-11-30T16:00:00+00:00">
</head><body><a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header class="govuk-header">"""
    + _nav("Benefits", "Births, death, marriages and care", "Business and self-employed")
    + """</header><main id="main-content">
<h1 class="gem-c-title__text">Foreign Secretary meets Ukrainian Foreign Minister</h1>
<p class="gem-c-lead-paragraph">The Foreign Secretary met Ukraine's Foreign Minister in London
to discuss further support for Ukraine's air defences.</p>
<div class="govspeak">
<p>The Foreign Secretary welcomed the Ukrainian Foreign Minister to the Foreign Office on
Monday, where the two discussed winter energy support and the next package of air defence
equipment.</p>
<p>The Foreign Secretary said the United Kingdom would keep working with partners to increase
pressure on Russia through sanctions.</p>
</div></main>"""
    + FOOTER
    + "</body></html>",
    title="Foreign Secretary meets Ukrainian Foreign Minister",
    published_at=datetime(2026, 11, 30, 16, 0, tzinfo=UTC),
    body_has=(
        "welcomed the Ukrainian Foreign Minister to the Foreign Office on Monday",
        "increase pressure on Russia through sanctions",
    ),
    body_lacks=("Skip to main content", "self-employed"),
)

# --------------------------------------------------------------------------------------------
# UN News: RSS at /feed/subscribe/en/news/all/rss.xml (public feed lists); story URLs
# /en/story/YYYY/MM/NNNNNNN. The page is a Drupal page of the common news shape; class names were
# not checked against a stored snapshot.
UN_NEWS = SourceFixture(
    source="un-news",
    document_url="https://news.un.org/feed/subscribe/en/news/all/rss.xml",
    document=_rss(
        [
            (
                "Guterres meets African Union chief on Sudan crisis",
                "https://news.un.org/en/story/2026/11/1165432",
                "Mon, 30 Nov 2026 13:45:00 +0000",
            )
        ],
        title="UN News - Global perspective Human stories",
    ),
    article_url="https://news.un.org/en/story/2026/11/1165432",
    article="""<html lang="en" dir="ltr"><head>
<title>Guterres meets African Union chief on Sudan crisis | UN News</title>
<meta property="og:title" content="Guterres meets African Union chief on Sudan crisis">
<meta property="article:published_time" content="2026-11-30T13:45:00+00:00">
</head><body>"""
    + _nav("Home", "Topics", "In depth", "UN Affairs", "Multimedia", "Podcasts")
    + """<main><h1 class="story-title">Guterres meets African Union chief on Sudan crisis</h1>
<div class="clearfix text-formatted field field--name-field-text-column">
<p>UN Secretary-General António Guterres met the Chairperson of the African Union Commission at
UN Headquarters in New York on Monday to discuss the crisis in Sudan.</p>
<p>They agreed that the two organizations would send a joint envoy to Port Sudan and called on
the warring parties to allow humanitarian access to Darfur.</p>
</div></main>"""
    + FOOTER
    + "</body></html>",
    title="Guterres meets African Union chief on Sudan crisis",
    published_at=datetime(2026, 11, 30, 13, 45, tzinfo=UTC),
    body_has=(
        "met the Chairperson of the African Union Commission at UN Headquarters",
        "allow humanitarian access to Darfur",
    ),
    body_lacks=("Podcasts",),
)

# --------------------------------------------------------------------------------------------
# China MFA: TRS CMS listings link relatively ("./202611/t20261130_11771234.html"), paginate as
# index_1.html, index_2.html...; pages hold the text in div.TRS_UEDITOR inside div#News_Body_Txt_A,
# title in div.news-title h1, and a "(YYYY-MM-DD HH:MM)" stamp without offset, Beijing time
# (2026 scrapers of /eng/xw/fyrbt/lxjzh/; TRS sites' selectors ".TRS_UEDITOR",
# "#News_Body_Txt_A" in public scrapers).
CHINA_MFA = SourceFixture(
    source="china-mfa",
    document_url="https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/index_1.html",
    document="""<html><head><meta charset="utf-8"></head><body>"""
    + _nav("Home", "Ministry", "News", "Spokesperson's Remarks", "Countries and Regions")
    + """<div class="newsBd"><ul class="list1">
<li><a href="./202611/t20261130_11771234.html" target="_blank">Foreign Ministry Spokesperson's
Regular Press Conference on November 30, 2026</a><span>2026-11-30</span></li>
<li><a href="./202611/t20261127_11770001.html" target="_blank">Foreign Ministry Spokesperson's
Regular Press Conference on November 27, 2026</a><span>2026-11-27</span></li>
</ul>
<div class="page"><a href="index.html">Previous</a><a href="index_2.html">Next</a></div>
</div></body></html>""",
    article_url="https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/202611/t20261130_11771234.html",
    article="""<html><head><meta charset="utf-8">
<title>Foreign Ministry Spokesperson's Regular Press Conference on November 30, 2026</title>
<meta name="ArticleTitle" content="Foreign Ministry Spokesperson's Regular Press Conference on November 30, 2026">
<meta name="PubDate" content="2026-11-30 19:26">
</head><body>"""
    + _nav("Home", "Ministry", "News", "Spokesperson's Remarks", "Countries and Regions")
    + """<div class="vw50"><div class="news-title"><h1>Foreign Ministry Spokesperson's Regular
Press Conference on November 30, 2026</h1></div>
<p class="time"><span>2026-11-30 19:26</span></p>
<div id="News_Body_Txt_A"><div class="trs_editor_view TRS_UEDITOR trs_paper_default trs_web">
<p>At the invitation of Foreign Minister Wang Yi, Minister for Foreign Affairs of Brazil will
pay an official visit to China from December 2 to 4.</p>
<p>CCTV: Could you share more details about the visit? What are China's expectations?</p>
<p>Spokesperson: During the visit, Foreign Minister Wang Yi will hold talks with the Brazilian
foreign minister to exchange views on bilateral relations and on the BRICS cooperation
mechanism.</p>
<p>China stands ready to work with Brazil to deepen the comprehensive strategic partnership.</p>
</div></div>
<div class="related"><a href="../202611/t20261127_11770001.html">Previous press
conference</a></div></div>"""
    + FOOTER
    + "</body></html>",
    title="Foreign Ministry Spokesperson's Regular Press Conference on November 30, 2026",
    published_at=datetime(2026, 11, 30, 19, 26, tzinfo=CST),
    body_has=(
        "Minister for Foreign Affairs of Brazil will pay an official visit to China",
        "Wang Yi will hold talks with the Brazilian foreign minister",
        "deepen the comprehensive strategic partnership",
    ),
    body_lacks=("Countries and Regions", "Previous press conference"),
    other_links=(
        "https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/index.html",
        "https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/index_2.html",
    ),
)

# --------------------------------------------------------------------------------------------
# India MEA: the press-release list links "press-releases.htm?dtl/<id>/<Title_With_Underscores>"
# (some links have no slug); release pages give the date as "November 30, 2026" in the page and
# no offset (links to mea.gov.in in public repositories; a 2026 MEA list scraper).
INDIA_MEA = SourceFixture(
    source="india-mea",
    document_url="https://www.mea.gov.in/press-releases.htm?51/Press_Releases",
    document="""<html><body>"""
    + _nav("Home", "About MEA", "Media Center", "Foreign Relations", "Passport & Visa")
    + """<div class="listing"><ul>
<li><a href="press-releases.htm?dtl/41502/Visit_of_External_Affairs_Minister_to_Germany_December_1_3_2026">
Visit of External Affairs Minister to Germany (December 1-3, 2026)</a><span>November 30,
2026</span></li>
<li><a href="https://www.mea.gov.in/press-releases.htm?dtl/41499">Joint Statement on the 5th
India-Australia 2+2 Ministerial Dialogue</a></li>
</ul><a href="press-releases.htm?51/Press_Releases/2">Next</a>
<a href="media-briefings.htm?49/Media_Briefings">Media Briefings</a></div></body></html>""",
    article_url="https://www.mea.gov.in/press-releases.htm?dtl/41502/Visit_of_External_Affairs_Minister_to_Germany_December_1_3_2026",
    article="""<html lang="en"><head>
<title>Visit of External Affairs Minister to Germany (December 1-3, 2026)</title>
<meta name="DC.date.issued" content="2026-11-30">
</head><body>"""
    + _nav("Home", "About MEA", "Media Center", "Foreign Relations", "Passport & Visa")
    + """<div id="innerContent"><h2 class="innerHeading">Visit of External Affairs Minister to
Germany (December 1-3, 2026)</h2><div class="date">November 30, 2026</div>
<div class="innerSubContent">
<p>External Affairs Minister Dr. S. Jaishankar will pay an official visit to Germany from
December 1 to 3, 2026.</p>
<p>During the visit, EAM will hold talks with the Federal Foreign Minister of Germany on the
India-Germany Strategic Partnership, and will call on the Federal Chancellor.</p>
<p>The visit will also take forward the Green and Sustainable Development Partnership.</p>
<p>New Delhi<br>November 30, 2026</p>
</div></div>"""
    + FOOTER
    + "</body></html>",
    title="Visit of External Affairs Minister to Germany (December 1-3, 2026)",
    published_at=datetime(2026, 11, 30, 0, 0, tzinfo=IST),
    body_has=(
        "Dr. S. Jaishankar will pay an official visit to Germany",
        "will call on the Federal Chancellor",
    ),
    body_lacks=("Passport & Visa",),
    other_links=(
        "https://www.mea.gov.in/press-releases.htm?51/Press_Releases/2",
        "https://www.mea.gov.in/media-briefings.htm?49/Media_Briefings",
    ),
)

# --------------------------------------------------------------------------------------------
# Anadolu Agency, the 2026 layout (Fundus' AnadoluAjansiParser V2, valid since 2026-04): title
# in JSON-LD NewsArticle.headline, datePublished without an offset (Turkey time), lead in
# span.text-descriptionColor, paragraphs in div[dir] > p, subheadings div[dir] > h2. Links of
# every section: /en/<section>/<slug>/<id>.
ANADOLU = SourceFixture(
    source="anadolu",
    document_url="https://www.aa.com.tr/en/world",
    document="""<html><body>"""
    + _nav("Turkiye", "World", "Economy", "Politics", "Energy", "Sports", "Analysis")
    + """<div class="grid">
<a href="/en/turkiye/turkish-foreign-minister-holds-talks-with-iraqi-counterpart-in-ankara/3712345">
<h3>Turkish foreign minister holds talks with Iraqi counterpart in Ankara</h3></a>
<a href="https://www.aa.com.tr/en/economy/turkiye-iraq-sign-development-road-deal/3712300">
<h3>Turkiye, Iraq sign Development Road deal</h3></a>
<a href="/en/world">World</a><a href="/en/info/infographic/3712000">Infographic</a>
<a href="/en/search/?s=iraq">Search</a></div></body></html>""",
    article_url="https://www.aa.com.tr/en/turkiye/turkish-foreign-minister-holds-talks-with-iraqi-counterpart-in-ankara/3712345",
    article="""<html lang="en"><head>
<title>Turkish foreign minister holds talks with Iraqi counterpart in Ankara</title>
<meta property="og:title" content="Turkish foreign minister holds talks with Iraqi counterpart in Ankara">
<meta property="article:published_time" content="2026-11-30T14:21:00">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Turkish foreign minister holds talks with Iraqi counterpart in Ankara",
"datePublished":"2026-11-30T14:21:00","author":{"@type":"Person","name":"Anadolu staff"}}
</script></head><body>"""
    + _nav("Turkiye", "World", "Economy", "Politics", "Energy", "Sports", "Analysis")
    + """<main><h1 class="text-3xl">Turkish foreign minister holds talks with Iraqi counterpart in
Ankara</h1>
<span class="text-lg text-descriptionColor">Hakan Fidan and Fuad Hussein discuss water,
energy and the fight against terrorism</span>
<div class="flex"><span>30.11.2026</span></div>
<div dir="ltr" class="prose">
<p>ANKARA</p>
<p>Turkish Foreign Minister Hakan Fidan met his Iraqi counterpart Fuad Hussein in Ankara on
Monday, diplomatic sources said.</p>
<h2>Water and energy</h2>
<p>The ministers discussed water sharing from the Tigris and Euphrates rivers and the
Development Road project linking the Gulf to Turkiye.</p>
<p>Fidan said after the meeting that Ankara and Baghdad would continue their joint fight against
terrorism.</p>
</div>
<div class="related"><a href="/en/world/other/3711111">Iraqi premier to visit Turkiye next
month, officials say</a></div></main>"""
    + FOOTER
    + "</body></html>",
    title="Turkish foreign minister holds talks with Iraqi counterpart in Ankara",
    published_at=datetime(2026, 11, 30, 14, 21, tzinfo=TRT),
    body_has=(
        "Hakan Fidan and Fuad Hussein discuss water, energy and the fight against terrorism",
        "Hakan Fidan met his Iraqi counterpart Fuad Hussein in Ankara on Monday",
        "continue their joint fight against terrorism",
    ),
    body_lacks=("Iraqi premier to visit Turkiye next month", "Analysis"),
    other_links=(
        "https://www.aa.com.tr/en/world",
        "https://www.aa.com.tr/en/search/?s=iraq",
    ),
)

# --------------------------------------------------------------------------------------------
# Xinhua English: listings link both https:// and http:// article URLs
# /YYYYMMDD/<32 hex>/c.html; title .conTop h1, stamp .header-time .time, text #detailContent p
# (public Xinhua English scrapers: titleSelector ".conTop h1", "#detailContent p").
XINHUA = SourceFixture(
    source="xinhua",
    document_url="https://english.news.cn/list/latestnews.htm",
    document="""<html><body>"""
    + _nav("China", "World", "Business", "Sci-Tech", "Culture", "Photos", "Video")
    + """<div class="list"><div class="tit"><a href="http://english.news.cn/20261130/5b3c1f2e9a8d4c7e8f6a1b2c3d4e5f60/c.html">Xi
holds talks with Vietnamese leader in Beijing</a></div>
<div class="tit"><a href="https://english.news.cn/20261130/0a1b2c3d4e5f60718293a4b5c6d7e8f9/c.html">China,
EU hold strategic dialogue</a></div>
<a href="https://english.news.cn/world/index.htm">World</a>
<a href="https://english.news.cn/20261130/photos.htm">Photos</a></div></body></html>""",
    article_url="http://english.news.cn/20261130/5b3c1f2e9a8d4c7e8f6a1b2c3d4e5f60/c.html",
    article="""<html><head><meta charset="utf-8">
<title>Xi holds talks with Vietnamese leader in Beijing-Xinhua</title>
<meta name="keywords" content="Xi Jinping, Vietnam">
</head><body>"""
    + _nav("China", "World", "Business", "Sci-Tech", "Culture", "Photos", "Video")
    + """<div class="header"><div class="conTop"><h1>Xi holds talks with Vietnamese leader in
Beijing</h1><div class="header-time left"><span class="time">2026-11-30 21:08:15</span>
<span class="source">Source: Xinhua</span></div></div></div>
<div class="main clearfix"><div id="detailContent">
<p>BEIJING, Nov. 30 (Xinhua) -- Chinese President Xi Jinping held talks with the General
Secretary of the Communist Party of Vietnam Central Committee in Beijing on Monday.</p>
<p>Xi said China and Vietnam should strengthen strategic communication and expand cooperation in
railways, highways and cross-border economic zones.</p>
<p>After the talks, the two leaders witnessed the signing of more than a dozen cooperation
documents.</p>
</div><div class="editor">[Editor: Li Ming]</div></div>"""
    + FOOTER
    + "</body></html>",
    title="Xi holds talks with Vietnamese leader in Beijing",
    published_at=datetime(2026, 11, 30, 0, 0, tzinfo=CST),
    body_has=(
        "Xi Jinping held talks with the General Secretary of the Communist Party of Vietnam",
        "witnessed the signing of more than a dozen cooperation documents",
    ),
    body_lacks=("Sci-Tech",),
    other_links=(
        "https://english.news.cn/world/index.htm",
        "https://english.news.cn/20261130/photos.htm",
    ),
)

# --------------------------------------------------------------------------------------------
# White House: WordPress feed /briefings-statements/feed/ (200 with ETag on 2026-10-02). The page
# is a WordPress block-theme page (skip link, post title, post content); not checked against a
# stored snapshot.
WHITE_HOUSE = SourceFixture(
    source="white-house",
    document_url="https://www.whitehouse.gov/briefings-statements/feed/",
    document=_rss(
        [
            (
                "Readout of the President's Call with Prime Minister of Japan",
                "https://www.whitehouse.gov/briefings-statements/2026/11/readout-of-the-presidents-call-with-prime-minister-of-japan/",
                "Mon, 30 Nov 2026 23:10:00 +0000",
            )
        ],
        title="Briefings &amp; Statements – The White House",
    ),
    article_url="https://www.whitehouse.gov/briefings-statements/2026/11/readout-of-the-presidents-call-with-prime-minister-of-japan/",
    article="""<html lang="en-US"><head>
<title>Readout of the President's Call with Prime Minister of Japan – The White House</title>
<meta property="og:title" content="Readout of the President's Call with Prime Minister of Japan">
<meta property="article:published_time" content="2026-11-30T23:10:00+00:00">
</head><body><a class="skip-link" href="#content">Skip to content</a>"""
    + _nav("Administration", "Issues", "Briefings & Statements", "Presidential Actions", "Gallery")
    + """<main id="content"><h1 class="wp-block-post-title">Readout of the President's Call with
Prime Minister of Japan</h1>
<div class="entry-content wp-block-post-content">
<p>The President spoke today with the Prime Minister of Japan to discuss the alliance between
the United States and Japan and the security situation in the Indo-Pacific.</p>
<p>The leaders agreed to hold a summit in Washington early next year and to expand cooperation
on shipbuilding and energy.</p>
</div></main>"""
    + FOOTER
    + "</body></html>",
    title="Readout of the President's Call with Prime Minister of Japan",
    published_at=datetime(2026, 11, 30, 23, 10, tzinfo=UTC),
    body_has=(
        "The President spoke today with the Prime Minister of Japan",
        "expand cooperation on shipbuilding and energy",
    ),
    body_lacks=("Skip to content", "Presidential Actions"),
)

# --------------------------------------------------------------------------------------------
# IAEA: /feeds/topnews, whose pubDate is "YY-MM-DD  HH:MM" Vienna time (a 2026 collector needed
# a custom parser for it), so the feed gives no usable date. The page is a Drupal page whose
# published time has no offset (as the feed's); not checked against a stored snapshot.
IAEA = SourceFixture(
    source="iaea",
    document_url="https://www.iaea.org/feeds/topnews",
    document="""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<title>IAEA Top News</title><link>https://www.iaea.org/</link>
<item><title>IAEA Director General Meets Iranian Foreign Minister in Vienna</title>
<link>https://www.iaea.org/newscenter/news/iaea-director-general-meets-iranian-foreign-minister-in-vienna</link>
<pubDate>26-11-30  15:40</pubDate></item></channel></rss>""",
    article_url="https://www.iaea.org/newscenter/news/iaea-director-general-meets-iranian-foreign-minister-in-vienna",
    article="""<html lang="en"><head>
<title>IAEA Director General Meets Iranian Foreign Minister in Vienna | IAEA</title>
<meta property="og:title" content="IAEA Director General Meets Iranian Foreign Minister in Vienna">
<meta name="dcterms.date" content="2026-11-30T15:40:00+01:00">
<meta property="article:published_time" content="2026-11-30T15:40">
</head><body>"""
    + _nav("Topics", "Services", "Resources", "News", "About us")
    + """<main><h1 class="page-title">IAEA Director General Meets Iranian Foreign Minister in
Vienna</h1><div class="dateline"><time datetime="2026-11-30T14:40:00Z">30 November
2026</time></div>
<div class="field field--name-body">
<p>IAEA Director General Rafael Mariano Grossi met the Foreign Minister of Iran in Vienna on
Monday to discuss the resumption of inspections at Iranian nuclear facilities.</p>
<p>The Director General said the talks were constructive and that IAEA inspectors were ready to
return as soon as the technical arrangements were agreed.</p>
</div></main>"""
    + FOOTER
    + "</body></html>",
    title="IAEA Director General Meets Iranian Foreign Minister in Vienna",
    published_at=datetime(2026, 11, 30, 15, 40, tzinfo=CET),
    body_has=(
        "Rafael Mariano Grossi met the Foreign Minister of Iran in Vienna on Monday",
        "ready to return as soon as the technical arrangements were agreed",
    ),
    body_lacks=("About us",),
)

# --------------------------------------------------------------------------------------------
# Yonhap English: RSS /RSS/news.xml; the Yonhap template (a public parser of yna.co.kr, whose
# English site shares it): title h1.tit01, time in .update-time with data-published-time,
# text div.story-news.article > p, aside blocks inside, copyright p.txt-copyright.
YONHAP = SourceFixture(
    source="yonhap",
    document_url="https://en.yna.co.kr/RSS/news.xml",
    document=_rss(
        [
            (
                "FM Cho holds talks with Chinese counterpart Wang Yi in Seoul",
                "https://en.yna.co.kr/view/AEN20261130004900315",
                "Mon, 30 Nov 2026 15:02:00 +0900",
            )
        ],
        title="Yonhap News Agency",
    ),
    article_url="https://en.yna.co.kr/view/AEN20261130004900315",
    article="""<html lang="en"><head>
<title>FM Cho holds talks with Chinese counterpart Wang Yi in Seoul | Yonhap News Agency</title>
<meta property="og:title" content="FM Cho holds talks with Chinese counterpart Wang Yi in Seoul">
<meta property="article:published_time" content="2026-11-30T15:02:00+09:00">
</head><body>"""
    + _nav("National", "North Korea", "Economy", "Market", "Culture", "Sports", "Opinion")
    + """<div class="content"><h1 class="tit01">FM Cho holds talks with Chinese counterpart Wang Yi
in Seoul</h1><p class="update-time" data-published-time="202611301502">2026-11-30 15:02</p>
<article class="story-news article">
<p>SEOUL, Nov. 30 (Yonhap) -- Foreign Minister Cho Hyun held talks with his Chinese
counterpart, Wang Yi, in Seoul on Monday and discussed North Korea and supply chains.</p>
<aside class="aside-box"><a href="/view/AEN20261129000100315">(LEAD) N. Korea fires ballistic
missile into East Sea</a></aside>
<p>Cho asked China to play a constructive role in bringing North Korea back to dialogue, the
foreign ministry said.</p>
<p>The two ministers also agreed to hold the next round of their strategic dialogue in Beijing
in the spring.</p>
<p class="txt-copyright">(END)</p>
</article></div>"""
    + FOOTER
    + "</body></html>",
    title="FM Cho holds talks with Chinese counterpart Wang Yi in Seoul",
    published_at=datetime(2026, 11, 30, 15, 2, tzinfo=KST),
    body_has=(
        "Foreign Minister Cho Hyun held talks with his Chinese counterpart, Wang Yi",
        "next round of their strategic dialogue in Beijing",
    ),
    body_lacks=("N. Korea fires ballistic missile into East Sea", "North Korea Economy"),
)

# --------------------------------------------------------------------------------------------
# Deutsche Welle: an RSS 1.0 (RDF) feed, rss.dw.com/rdf/rss-en-all (138 entries, 2026-05
# probe), items with rdf:about, link and dc:date; article URLs /en/<slug>/a-<id> (Fundus' DW
# publisher). The page (JSON-LD datePublished, one text container) was not checked against a
# stored snapshot.
DEUTSCHE_WELLE = SourceFixture(
    source="deutsche-welle",
    document_url="https://rss.dw.com/rdf/rss-en-all",
    document="""<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://www.dw.com/"><title>Deutsche Welle</title><link>https://www.dw.com/</link>
<items><rdf:Seq><rdf:li rdf:resource="https://www.dw.com/en/german-chancellor-meets-polish-prime-minister-in-warsaw/a-74912345?maca=en-rss-en-all-1573-rdf"/></rdf:Seq></items>
</channel>
<item rdf:about="https://www.dw.com/en/german-chancellor-meets-polish-prime-minister-in-warsaw/a-74912345?maca=en-rss-en-all-1573-rdf">
<title>German chancellor meets Polish prime minister in Warsaw</title>
<link>https://www.dw.com/en/german-chancellor-meets-polish-prime-minister-in-warsaw/a-74912345?maca=en-rss-en-all-1573-rdf</link>
<description>The two leaders discussed border controls and aid to Ukraine.</description>
<dc:date>2026-11-30T12:34:00Z</dc:date></item>
</rdf:RDF>""",
    article_url="https://www.dw.com/en/german-chancellor-meets-polish-prime-minister-in-warsaw/a-74912345?maca=en-rss-en-all-1573-rdf",
    article="""<html lang="en"><head>
<title>German chancellor meets Polish prime minister in Warsaw – DW – 11/30/2026</title>
<meta property="og:title" content="German chancellor meets Polish prime minister in Warsaw">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"German chancellor meets Polish prime minister in Warsaw",
"datePublished":"2026-11-30T12:34:00.000Z"}</script>
</head><body>"""
    + _nav("Germany", "World", "Business", "Science", "Environment", "Culture", "Sports")
    + """<main><h1>German chancellor meets Polish prime minister in Warsaw</h1>
<p class="teaser-text">The two leaders discussed border controls and aid to Ukraine.</p>
<div class="rich-text">
<p>German Chancellor Friedrich Merz met Polish Prime Minister Donald Tusk in Warsaw on Monday for
intergovernmental consultations.</p>
<p>Merz and Tusk agreed to coordinate checks at their shared border and to pool orders for air
defence systems for Ukraine.</p>
</div></main>"""
    + FOOTER
    + "</body></html>",
    title="German chancellor meets Polish prime minister in Warsaw",
    published_at=datetime(2026, 11, 30, 12, 34, tzinfo=UTC),
    body_has=(
        "Friedrich Merz met Polish Prime Minister Donald Tusk in Warsaw on Monday",
        "pool orders for air defence systems for Ukraine",
    ),
    body_lacks=("Environment",),
)

# --------------------------------------------------------------------------------------------
# France 24: RSS at /en/rss (23 entries, 2026-05 probe); article URLs
# /en/<section>/YYYYMMDD-<slug>. The page (article:published_time, a standfirst, one text
# container) was not checked against a stored snapshot.
FRANCE24 = SourceFixture(
    source="france24",
    document_url="https://www.france24.com/en/rss",
    document=_rss(
        [
            (
                "Macron hosts Indian PM Modi at the Elysee",
                "https://www.france24.com/en/france/20261130-macron-hosts-indian-pm-modi-at-the-elysee",
                "Mon, 30 Nov 2026 18:55:00 GMT",
            )
        ],
        title="France 24 - International breaking news",
    ),
    article_url="https://www.france24.com/en/france/20261130-macron-hosts-indian-pm-modi-at-the-elysee",
    article="""<html lang="en"><head>
<title>Macron hosts Indian PM Modi at the Elysee</title>
<meta property="og:title" content="Macron hosts Indian PM Modi at the Elysee">
<meta property="article:published_time" content="2026-11-30T19:55:00+01:00">
</head><body>"""
    + _nav("France", "Africa", "Middle East", "Americas", "Europe", "Asia / Pacific", "Live")
    + """<main><h1 class="t-content__title">Macron hosts Indian PM Modi at the Elysee</h1>
<p class="t-content__chapo">French President Emmanuel Macron received Indian Prime Minister
Narendra Modi at the Elysee Palace on Monday.</p>
<div class="t-content__body">
<p>The two leaders discussed the purchase of additional Rafale fighter jets and cooperation on
civil nuclear energy, the Elysee said.</p>
<p>Macron and Modi also agreed to launch a joint initiative on artificial intelligence ahead of
next year's summit in New Delhi.</p>
</div></main>"""
    + FOOTER
    + "</body></html>",
    title="Macron hosts Indian PM Modi at the Elysee",
    published_at=datetime(2026, 11, 30, 19, 55, tzinfo=CET),
    body_has=(
        "purchase of additional Rafale fighter jets",
        "joint initiative on artificial intelligence",
    ),
    body_lacks=("Asia / Pacific",),
)

FIXTURES = [
    MOSCOW_TIMES,
    KREMLIN,
    TASS,
    AL_JAZEERA,
    STATE_DEPARTMENT,
    UK_FCDO,
    UN_NEWS,
    CHINA_MFA,
    INDIA_MEA,
    ANADOLU,
    XINHUA,
    WHITE_HOUSE,
    IAEA,
    YONHAP,
    DEUTSCHE_WELLE,
    FRANCE24,
]
