"""Rules for dates relative to publication: today, yesterday, weekdays, last week, N years ago."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from timeline.dating import lexicon as lx
from timeline.dating import values as v
from timeline.dating.absolute import (
    EARLY_HIJRA_DAY_AFTER,
    EVERY_YEAR_AFTER,
    HABITUAL_BEFORE,
    HOLY_EPITHET_AFTER,
    PAST_CLAUSE_BEFORE,
    prophets_time,
)
from timeline.dating.context import (
    CARDINAL,
    CLAUSE_STOPS,
    DEFINITE,
    END,
    FUTURE,
    HIJRI_MONTHS,
    MODIFIER,
    MONTHS,
    PAST,
    PHRASE_STOPS,
    START,
    WEEKDAYS,
    Anchor,
    Before,
    Candidate,
    Context,
    direction_of,
    last_weekday,
    next_weekday,
    rx,
)
from timeline.dating.lazy import lazy
from timeline.dating.normalize import strip_marks
from timeline.model import DateValue

# Cheap literals each rule needs, to find where its full pattern may match.
TODAY_ANCHOR = Anchor("اليوم", ("اليوم",))
YESTERDAY_ANCHOR = Anchor("امس", ("امس",))
BARIHA_ANCHOR = Anchor("البارحه", ("البارحه",))
TOMORROW_ANCHOR = Anchor("غد", ("غد",))
WEEKDAY_ANCHOR = Anchor(WEEKDAYS, lx.WEEKDAYS)
PERIOD_WORDS = ("اسبوع", "شهر", "عام", "سنه")
PERIOD_ANCHOR = Anchor("|".join(PERIOD_WORDS), PERIOD_WORDS)
AGO_ANCHOR = Anchor("منذ|قبل", ("منذ", "قبل"))
GONE_BY_ANCHOR = Anchor("مضت", ("مضت",))
VAGUE_WORDS = (
    "سنوات", "سنين", "اعوام", "اشهر", "شهور", "ايام", "اسابيع", "عقود", "قرون", "ساعات",
    "دقائق", "لحظات", "يومين", "اسبوعين", "شهرين", "عامين", "سنتين", "عقدين", "ليله",
)  # fmt: skip
VAGUE_ANCHOR = Anchor("|".join(VAGUE_WORDS), VAGUE_WORDS)
TODAY = rx(
    rf"{START}(?P<pre>(?:[وف]?هذا|[وف]?(?:حتى|الى|لغايه))\s+)?(?P<w>[وف]?اليوم)"
    rf"(?:\s*\(?\s*(?P<art>ال)(?P<wd>{WEEKDAYS}){END}(?:\s*\))?)?(?!\w)"
)
# What makes اليوم not "today": a following adjective or ordinal (اليوم الدولي, اليوم
# الوطني, اليوم الأول), a preceding word that names it (صحيفة اليوم, عين اليوم, دار اليوم:
# the house that publishes the paper Al-Yaum: the corpus has 16, all the house).
TODAY_ADJECTIVE = rx(
    r"\s+(?:ال\w{1,40}ي|ال(?:اول|اخير|تالي|سابق|عاشر|واحد|موعود|مفتوح|مشهود|ذي|ثالث|رابع|خامس|سادس|"
    r"سابع|ثامن|تاسع)|نفسه|ذاته|عينه)(?!\w)"
    # بالله واليوم الآخر: the Last Day; اليوم الـ15 من شهر سبتمبر, اليوم 15 من: a day by its number.
    r"|\s+الاخر(?!\w)|\s+ال\s*\d|\s+\d+\s+من(?!\w)"
)
TODAY_NAMED_BEFORE = rx(
    r"(?:(?<!\w)[وبل]?(?:صحيفه|صحف|جريده|عين|عالم|موقع|قناه|برنامج|دار|ذلك|نفس|ذات|مثل|كهذا)\s*[\"«“']?"
    r"|ل\s*[\"«“'(]|\(\s*ل?مراسل\s*)\s*$"
)
# بحث بعنوان مصر اليوم: الحركة..., مسابقة بعنوان «قارئ اليوم»: a title, not the day.
# (عنوان مقالي اليوم, "today's column's title", is the day: no ب, no quote or colon.)
TITLED_BEFORE = rx(r"(?<!\w)(?:و?بعنوان\s*[:\"«“'(]?|عنوان\s*[:\"«“'(])\s*(?:\S+\s+){0,2}$")
# «تخوض أشرس المعارك اليوم (أمس)»: a quote's today, glossed by the paper as yesterday;
# in quotes too, and with yesterday's weekday (اليوم «أمس», اليوم «أمس السبت»): 7
# mentions of the corpus moved to the day before, all so.
GLOSSED_YESTERDAY_AFTER = rx(rf"\s*[(«\"“]\s*(?:ال)?امس(?:\s+ال(?:{WEEKDAYS}))?\s*[)»\"”]")
# (العراق اليوم), (مراسل اليوم): a channel's or a paper's name in brackets.
TODAY_NAME_IN_BRACKETS = rx(r"\(\s*\w+\s+$")
BYLINE_BEFORE = rx(r"(?:^|[\n\"«(])\s*$")
# وقال خلال استقباله المواطنين أمس: «جئنا اليوم لتفقد أحوالكم»: a quote opening right
# after the أمس its words were said on, اليوم among its first three words, is the
# speaker's today, that yesterday (not after من: أول من أمس is another day).
QUOTED_YESTERDAY_BEFORE = rx(
    r"(?<!\w)(?<!من )امس\s*[:،,]?\s*[«\"“]\s*(?:[^\s«»\"“”.!?؟]+\s+){0,2}$"
)
BYLINE_AFTER = rx(r"\s*[-–ـ]+\s*\w")
FIGURATIVE_TODAY_BEFORE = rx(r"(?<!\w)(?:ب?ال)?امس\s+و?$")
# كانت بالأمس تدور بعيداً عنا واليوم أصبحت واقعاً: the past set against the present
# (بالأمس, then و-اليوم in its sentence), both vague, not the two days.
# بالأمس كانوا خداما لضيوف الرحمن، اليوم هم ضيوفه: the same, the verb after بالأمس
# and اليوم after a comma.
WAS_WORD = r"[وف]?(?:كان\w{0,2}|كن(?:ا|ت))(?!\w)"
WAS = rf"(?<!\w){WAS_WORD}(?:\s+\S+){{0,2}}\s+"
THEN_NOW_BEFORE = rx(rf"(?:{WAS}ب?الامس(?!\w)|(?<!\w)ب?الامس\s+{WAS_WORD})[^.!?؟\n]{{0,80}}$")
THEN_BEFORE = rx(rf"{WAS}$")
THEN_AFTER = rx(rf"\s+{WAS_WORD}")
THEN_NOW_AFTER = rx(r"[^.!?؟\n]{0,80}?(?:(?<!\w)و\s*|[،,]\s*)اليوم(?!\w)(?!\s+ال)")
NOW_AFTER_A_PAUSE = rx(r"[،,]\s*$")
# بلغ عدد طلابها في ذلك الحين 74، لكنه يزيد اليوم عن 700: a time named "then" (في ذلك
# الحين, آنذاك, حينها) earlier in the sentence, اليوم after لكن / بينما and a verb of the
# present (not a report's past: لكن الوزارة أعلنت اليوم is the day) or right after و or
# a comma: then and now, a vague present.
_THEN_WORD = r"(?<!\w)(?:في\s+ذلك\s+(?:الحين|الوقت)|انذاك|حينذاك|وقتذاك|حينها|وقتها)(?!\w)"
THEN_WORD_BEFORE = rx(
    rf"{_THEN_WORD}[^.!?؟\n]{{0,80}}?(?:(?<!\w)(?:و?لكن|و?لكنه|و?لكنها|و?لكنهم|بينما|في\s+حين)"
    r"(?:\s+\S+)??(?:\s+[يتن]\w{2,40})?\s+|(?<!\w)و\s*|[،,]\s*)$"
)
THEN_WORD_WA_BEFORE = rx(rf"{_THEN_WORD}[^.!?؟\n]{{0,80}}$")  # before واليوم
# في المرة السابقة عام 1994 تحالف مع الإخوان، واليوم تحالف مع الحوثيين: a year gone by,
# then a comma and واليوم, is then and now (the year's clause set against this one).
YEAR_THEN_BEFORE = rx(r"(?<!\w)(?:عام|العام|سنه|في)\s+(?P<y>\d{4})(?!\d)[^.!?؟\n]{0,40}[،,]\s*$")
# ... واليوم الجلسة الثانية: a day's own business after it, the day itself.
NOUN_AFTER_NOW = rx(r"\s+ال")
# جيل اليوم, شباب اليوم: the people of today (a trie: NOWADAYS_BEFORE tries them at
# each word's start).
_GENERATIONS = (
    "جيل", "اجيال", "شباب", "اطفال", "مجتمع", "مجتمعات", "انسان", "واقع", "ابناء", "نساء",
    "رجال", "عرب", "مسلمي", "فتيات", "فتيان", "اعلام", "صحافه", "حضاره", "حضارت", "عالم",
    "زمن", "مواطن", "مواطنون", "مواطنين", "امه", "زبون", "زبائن", "مستهلك", "مستهلكين",
    "قارئ", "قراء", "فنان", "فنانين", "فناني", "فنانات", "نجوم", "شعراء", "ساسه", "سياسيي",
    "طلاب", "طالبات", "اباء", "امهات", "اسر",
    # روائيي اليوم, نقاد اليوم, المثقف اليوم: the men of letters of today (not علماء:
    # قال علماء اليوم الأربعاء reports a day's study).
    "روائيي", "روائيين", "روائيون", "نقاد", "ادباء", "مثقف", "مثقفي", "مثقفين", "مثقفون",
)  # fmt: skip
# مجتمعاتنا العربية اليوم, العالم الإسلامي اليوم, المجتمع السعودي اليوم: the same people
# with the adjective of their nation or faith between, nowadays too; not the media
# (وسائل الإعلام البريطانية اليوم report a day's news).
_PEOPLES = tuple(w for w in _GENERATIONS if w not in ("اعلام", "صحافه"))
NOWADAYS_BEFORE = rx(
    # Every branch begins at a word's start: one test of it at each position, where
    # each branch's own was fifteen.
    rf"(?<!\w)(?:[وفبل]?(?:ال)?(?:{lx.alternation(map(strip_marks, _GENERATIONS))})"
    r"(?:نا|هم)?\s+$"
    # معطيات اليوم على صعيد الطاقة, متغيرات اليوم, أوضاع اليوم: today's conditions, in
    # construct (no ال, no pronoun: تصحيح أوضاعهم اليوم is the status mended today).
    r"|[وفبل]?(?:معطيات|متغيرات|اوضاع)\s+$"
    rf"|[وفبل]?(?:ال)?(?:{lx.alternation(map(strip_marks, _PEOPLES))})"
    r"(?:نا|هم)?\s+ال\w{2,12}?ي(?:ه|ون|ين)?\s+$"
    # وأنا اليوم, نحن اليوم; تعتبر اليوم, باتت اليوم: "now", a state, not the day's event
    # يعانون اليوم, تحتاج اليوم, تواجهان اليوم: a verb of a lasting state, with its suffix;
    # not in a relative clause (اللاعبون الذين يواجهون اليوم الفريق الضيف: a match today).
    # الفكر الذي يحظى اليوم بالدعم, تتمتع اليوم بعلاقات: what one enjoys, a lasting state.
    r"|[وف]?(?:انا|نحن|انتم|باتت?|اصبحت?|اضحت?"
    r"|[يتن](?:عتبر|عد|عرف|عيش|واجه|عاني|حتاج|مثل|شكل|ملك|متلك|حظي|تمتع)"
    r"|[يتن](?:عتبر|عد|عرف|عيش|عاني|حتاج|مثل|شكل|ملك|متلك|حظ|تمتع)(?:ون|ان)"
    r"|(?<!الذين )(?<!التي )[يتن]واجه(?:ون|ان))"
    r"\s+$"
    # لكنها اليوم تحاول, وهو اليوم: the present set against the past, a state.
    r"|(?:[وف]?لكن(?:ه|ها|هم|هما|نا|ني)?|[وف]?(?:ها\s*)?(?:هو|هي|هم|هما|هن))\s+$"
    r"|[وف]?ها\s*(?:نحن|انا)\s+$"  # وهاهم اليوم, وها نحن اليوم: here they are, now
    # ويحكم الأكراد اليوم, تعاني المنطقة اليوم: a verb of a lasting state and its subject.
    r"|[وف]?[يت](?:حكم|سيطر|ملك|عاني|ضم|قطن|سكن|عيش)(?:ون|ان)?(?:ه|ها|هم)?\s+\S+\s+$"
    # أما اليوم فقد أصبحت: the present set against the past.
    r"|[وف]?اما\s+$"
    # إلا أننا اليوم, وإننا اليوم; نشهدها اليوم, نراه اليوم, نجد اليوم: we, now (a columnist's
    # voice); التي نعتبرها اليوم, كما نلمس اليوم: what we judge or perceive, now.
    r"|[وف]?(?:ل?ان|لكن)(?:نا|ني)\s+$"
    r"|[وف]?ن(?:شهد|عيش|عايش|ري|را|جد|عاني|واجه|حتاج|عرف|لاحظ|عتبر|عتقد|لمس|درك|ظن"
    # ونفاجأ اليوم, نشاهد اليوم, نستغرب اليوم: what we are surprised by or watch, now.
    # الأنسنة التي نفتقدها اليوم, نفتقر اليوم إلى, كلنا نؤمن اليوم بأن: what we miss or
    # believe, now (4 in the corpus, all so).
    r"|فاجا|تفاجا|شاهد|ستغرب|ندهش|فتقد|فتقر|ومن)"
    r"(?:ه|ها|هم|ون)?\s+$"
    # عندما ننظر اليوم, حين نطالب اليوم: when we look now, a columnist's general present.
    r"|[وف]?(?:عندما|حين|حينما)\s+ن\w{2,}\s+$"
    # التي تستخدم اليوم, يوجد اليوم, التي تمتلكها اليوم: what is used, found or owned by
    # now (a lasting state, as تعد, يعرف above), not an event of the day.
    # المليارات التي تنفق اليوم, الذي يقوده اليوم, التي تسمى اليوم: what is spent, led,
    # held or called by now, a lasting state too; والنسخة تقبع اليوم في حماية الشرطة,
    # رفاقي يرقدان اليوم في موقع النصب: where a thing or the dead lie, now.
    r"|[وف]?[يت](?:ستخدم|ستعمل|وجد|نتشر|متلك|ملك|نفق|شكل|سمي|حمل|قود|دير|تحكم|تبوا|قبع|رقد)"
    r"(?:ون|ان)?(?:ه|ها|هم)?\s+$"
    # المسلمون منتشرون اليوم, غير موجود اليوم, الاتجاه السائد اليوم, المتاحة اليوم: what
    # is found, spread, prevailing or to be had by now, the participles of يوجد, ينتشر
    # above (15 in the corpus, all so; not القائم: الصيام القائم اليوم is a day's).
    r"|[وفبل]?(?:ال)?(?:موجود|منتشر|سائد|متوفر|متوافر|متاح)(?:ه|ون|ين|ات|ان|تان)?\s+$"
    # كما نعرفها اليوم, كما هو الحال اليوم: as things are now.
    r"|كما\s+(?:نعرف(?:ه|ها|هم)?|(?:هو|هي)\s+(?:ال)?حال|(?:هو|هي)\s+عليه)\s+$"
    # مما يدور اليوم, ما يحدث اليوم, بما هو متوفر اليوم: what goes on (a present tense), now.
    r"|[وفبل]?(?:ما|مما|بما|فيما|عما)\s+(?:(?:هو|هي)\s+\w+|[يتن](?!م\s)\w{2,})\s+$"
    # وقد أصبحت علا اليوم, قاعدتين أصبحتا اليوم: a state reached by now.
    r"|[وف]?(?:اصبح|بات|صار|اضحي)(?:ت|تا|وا|ا)?\s+(?:\w+\s+)?$"
    # لم يعد حقيقيا اليوم, لم تعد تثير اهتمام هوليوود اليوم: no longer, against the past.
    r"|لم\s+[يت]عد\s+(?:\S+\s+){0,3}$"
    # أننا بحاجة اليوم أن ندفع, في حاجة اليوم إلى: what is needed now.
    r"|[وف]?(?:ب|في\s+)حاجه\s+$"
    # عكس أفلام اليوم, على عكس عروض اليوم, مقارنة بأعداد الحجاج اليوم: a noun of today
    # set against one of the past, nowadays (3 mentions of the corpus changed, all so).
    r"|(?:(?:ب|علي\s+)?عكس|بخلاف)\s+\S+\s+(?:\S+\s+)?$"
    r"|(?:خلافا\s+ل|مقارنه\s+ب|قياسا\s+ب)\S+\s+(?:\S+\s+)?$"
    # لا يكاد بيت يخلو منها اليوم: what is free of a thing nowadays, a lasting state (not
    # تخلو الشوارع اليوم من المارة, a day's, where اليوم comes before من).
    r"|[وف]?[يت]خلو\s+من(?:\S*|\s+\S+)\s+$"
    # الطاقات التي تزخر بها البلاد اليوم, المواهب التي يفخر بها الوطن اليوم: a present verb
    # in a relative clause, its pronoun on a preposition, then a definite subject: what
    # holds nowadays; not the verbs of a scheduled event (الملعب الذي تقام عليه المباراة
    # اليوم), PRESENT_VERB_AFTER's.  2 mentions of the corpus moved from the day: one
    # right, one a rate per day (ينتج فيها الفرد اليوم 2.66 كيلو), wrong either way.
    r"|(?:التي|الذي)\s+[يت]"
    r"(?!(?:نتهي|بدا|بدء|نطلق|عقد|قام|لتقي|ختتم|فتتح|ستضيف|حتفل|خوض|واجه|صل|توجه|زور|غادر"
    r"|لعب|تم|شهد|جري|ستانف|عود|حضر|شارك|جتمع|ستقبل|ستكمل|واصل|قرر|نظر|ناقش|صدر)\s)"
    r"\w{2,8}\s+(?:ب|ل|في|من|عن|علي|مع)(?:ه|ها|هم)\s+ال\w{2,12}\s+$"
    r")"
)
# من واجب الدول اليوم, يجب على العالم اليوم: a duty of the present, not a day's event;
# يروجون اليوم, يزعمون اليوم: what they claim nowadays.  Apart from NOWADAYS_BEFORE, and
# tried only when one of DUTY_OR_CLAIM_WORDS is in its reach (each branch of a search
# is tried at every position).
DUTY_OR_CLAIM_BEFORE = rx(
    r"(?<!\w)(?:من\s+)?(?:واجب|مسؤوليه|بامكان|باستطاعه)\s+\S+\s+$"
    # يتعين علينا اليوم أن, تحتم عليّ اليوم أن: the duty's pronoun on على, or its noun.
    r"|(?<!\w)[يت](?:جب|نبغي|تعين|حتم)\s+علي(?:\s+\S+|نا|ه|ها|هم|كم)?\s+$"
    r"|(?<!\w)[وف]?[يتن](?:روج|زعم|تشدق|تباهي)(?:ون|ان)?\s+$"
    # ما أنا عليه اليوم, بالشكل الذي هي عليه اليوم: the state one is in now.
    r"|(?<!\w)(?:[بعم]?ما|الذي|التي|الذين)\s+(?:هو|هي|هم|هن|انا|نحن|انت|انتم)\s+"
    r"علي(?:ه|ها|هم|هن|نا)\s+$"
)
DUTY_OR_CLAIM_WORDS = (
    "واجب",
    "مسؤوليه",
    "بامكان",
    "باستطاعه",
    "علي",
    "روج",
    "زعم",
    "تشدق",
    "تباهي",
)
# One search for any of them (a Python loop over the words and a slice each cost more).
DUTY_OR_CLAIM_GATE = rx("|".join(DUTY_OR_CLAIM_WORDS))
# ولكن علينا اليوم أن نتساءل, عليهم اليوم أن يعترفوا: a duty now, with أن after it
# (اعتدوا علينا اليوم is a day's event).
ON_ONE_BEFORE = rx(r"(?<!\w)[وف]?(?:لكن\s+)?علي(?:نا|كم|هم|ه|ها|ك)\s+$")
THAT_AFTER = rx(r"\s+ان(?!\w)")
# الذين يملؤون اليوم, الذين يديرون اليوم: what a group of people does nowadays (a plural
# present after الذين), not a day's event (الذي يقام اليوم is one), nor a group's coming,
# going or meeting (الذين يصلون اليوم, الذين يواجهون اليوم).  Tried only where الذين or
# its kin is in reach.
GROUP_PRESENT_BEFORE = rx(
    r"(?<!\w)(?:الذين|اللذين|اللتين|اللواتي|اللاتي)\s+[يت]"
    r"(?!(?:صل|غادر|توجه|عود|حضر|شارك|جتمع|لتق|واجه|لعب|خوض|بدء|بدا|نطلق)\w*\s+$)"
    r"\w{2,}(?:ون|ان)(?:ه|ها|هم|نا)?\s+$"
)
# . الحقيقة المرة اليوم أن, ، المشكلة اليوم تتجاوز, فإن الحقيقة اليوم: a state of
# affairs opening a clause (its subject, with one adjective at most), now; not a noun
# a verb acts on (ناقش المجلس المشكلة اليوم).  Tried only where one is in reach.
AFFAIRS_BEFORE = rx(
    r"(?:[.!?؟،,:;\n]\s*|(?<!\w)[وف]?(?:ان|لكن)\s+)[وف]?ال(?:حقيقه|مشكله|معضله|مفارقه)"
    r"(?:\s+ال\w{2,12})?\s+$"
)
AFFAIRS_GATE = rx("حقيقه|مشكله|معضله|مفارقه")
NOWADAYS_REACH = 30  # how far back NOWADAYS_BEFORE looks
# A bare اليوم opening a sentence (after a full stop, a question or a line) is, in the
# columns and analyses where it is written so, "nowadays" (اليوم يتكرر المشهد, واليوم
# تحاول إثبات وجودها) more often than the day: a vague present, unless its clause names
# an anniversary or a time, or speaks of the future (اليوم يصادف الذكرى, واليوم ستلاقون).
SENTENCE_OPENING = rx(r"(?:^|[.!?؟…\n])\s*$")
SENTENCE_DAY_CUE = rx(
    r"[^.!?؟…\n،,:;]{0,60}?(?<!\w)(?:[وف]?(?:(?:ال)?ذكري|يصادف|يوافق|تصادف|توافق|تحل|يحل|موعد|"
    r"الساعه|صباح|مساء|سوف)|[وف]?س[يتن]\w{2,40})(?!\w)"
)
# What joins اليوم to غد in "now rather than later": قبل, وليس, لا, after a dash (folded
# to -) or a comma.
NOW_NOT_LATER = r"\s*-?\s*[،,]?\s*(?:قبل|و?ليس|و?لا)\s+"
# اليوم كما هي بالأمس, المزاج اليوم مختلف: the present compared with the past.
NOWADAYS_AFTER = rx(
    r"\s+(?:كما\s+(?:هي|هو|كان|كانت|كانوا)|مختلف|مختلفه|يختلف|تختلف)(?!\w)"
    # دعم الطاقة اليوم أعلى بكثير مما كان: today against before, the present.
    r"|\s+(?:اعلي|اكثر|اقل|اكبر|اصغر|افضل|اسوا|اقوي|اضعف|ابعد|اقرب|اصعب|اسهل|ادني)"
    r"\s+(?:بكثير\s+)?مما(?!\w)"
    # ينثر حكاياته اليوم بعد رحيله: now, after a death or years gone by.
    r"|\s+[وف]?بعد\s+(?:رحيل|وفاه|غياب|مرور|عقود|سنوات|اعوام|قرون)\w{0,40}(?!\w)"
    # اليوم وبعد مضي عشر سنوات: now, years on.
    r"|\s+[وف]?بعد\s+مضي\s+(?:\S{1,40}\s+){0,2}?(?:عقود|سنوات|سنين|اعوام|قرون|عام|عاما|سنه)(?!\w)"
    # حل اليوم قبل غد, أن تتخذه اليوم – وليس غدًا: now rather than later (an idiom), no day.
    rf"|{NOW_NOT_LATER}(?:ال)?غدا?(?!\w)"
    # يصبح السؤال اليوم وغداً وبعد غد: now and always (an idiom, ALWAYS_THREE_DAYS).
    r"|\s+و\s*غدا\s+و\s*بعد\s+غد(?!\w)"
    # واليوم نحن في أتون حرب: we, now.
    r"|\s+(?:نحن|انا)(?!\w)"
    # اليوم نرى تنامي, واليوم نعيش زمنا, واليوم نجده يطمئنهم: what we see or judge
    # nowadays (a columnist's or a speaker's we), as نرى اليوم before it.
    r"|\s+ن(?:ري|را(?=ه)|شهد|عيش|جد|لاحظ|لمس|درك|عتبر|عتقد)(?:ه|ها|هم|هما)?(?!\w)"
    # اليوم، كما كان في ذلك الحين; اليوم كما في الماضي: now as then.
    r"|\s*[،,]?\s*كما\s+(?:كان|كانت|كانوا|في\s+الماضي)(?!\w)"
    # العائدون اليوم أكثر من قبل سنتين, اليوم أكثر من أي وقت مضى: now against before.
    # أصبح هذا الأمر اليوم أسهل من السابق: any comparative of the closed list against
    # before (precision sample 105), as أكثر / أقل.
    r"|[^.!?؟\n،,;:]{0,40}?(?<!\w)(?:اكثر|اقل|اسهل|اصعب|افضل|احسن|اسوا|اكبر|اصغر|اقوي|اضعف"
    r"|اعلي|ادني|اسرع|ابطا)\s+من\s+(?:قبل|ذي\s+قبل|السابق|الماضي|اي\s+وقت)(?!\w)"
    # اليوم فقط يعترف: only now (a verb after it), not "today only" (العرض اليوم فقط.).
    r"|\s+فقط\s+[يتن]\w{2,40}"
    # القيادة اليوم أصبحت مجرد نشاط, تونس اليوم قد أضحت: what has become so by now, a state.
    r"|\s+(?:[وف]?(?:قد|لقد)\s+)?(?:اصبح|اصبحت|اصبحوا|بات|باتت|باتوا|صار|صارت|اضحي|اضحت)(?!\w)"
)
# أننا وصلنا اليوم إلى حالة أن, وصلنا اليوم إلى مرحلة: a state we have come to by now,
# not a day's arrival (وصلنا اليوم إلى لندن).
REACHED_BEFORE = rx(r"(?<!\w)[وف]?وصلنا\s+$")
STATE_REACHED_AFTER = rx(r"\s+الي\s+(?:حال|حاله|مرحله|وضع|درجه|حد)(?!\w)")
# انخفاض مماثل اليوم يمكن أن, الحكومة اليوم مطالبة بأن, الاقتصاد اليوم يحتاج إلى: what
# may, must or needs be, now; not from a day on (اعتبارا من اليوم يمكن التسجيل).
MODAL_AFTER = rx(
    r"\s+(?:يمكن|يمكنه|يمكنها|يمكنهم|يجب|ينبغي|يتعين|مطالب|مطالبه|مطالبون|بحاجه|في\s+حاجه"
    r"|[يت]حتاج(?:ون|ان)?)(?!\w)"
)
# إلا أن الحديقة اليوم ترتبط باسمه, مشيرا إلى أن النظام اليوم «يتمسك بتمثيله, إن الإحباط
# اليوم يسود كل بيت: a definite subject opening a clause after أن / إن, then اليوم and a
# present verb, tells what holds nowadays; not a day's event in the present (أن الفريق
# اليوم يلتقي, يخوض, يختتم: the verbs of a scheduled event, FUTURE_CLAUSE_BEFORE's, none
# such in the corpus).  3 mentions of the corpus made nowadays, all so.
THAT_SUBJECT_BEFORE = rx(r"(?<!\w)[وفل]?ان\s+ال\w{2,14}\s+$")
PRESENT_VERB_AFTER = rx(
    r"\s*[«\"“]?\s*[يت](?!(?:نتهي|بدا|بدء|نطلق|عقد|قام|لتقي|ختتم|فتتح|ستضيف|حتفل|خوض|واجه"
    r"|صل|توجه|زور|غادر|لعب|تم|شهد|جري|ستانف|عود|حضر|شارك|جتمع|ستقبل|ستكمل|واصل)(?:ون|ان)?(?!\w))"
    r"\w{2,40}"
)
FROM_BEFORE = rx(r"(?<!\w)[وف]?(?:من|منذ)\s+$")
PER_DAY_BEFORE = rx(r"(?<!\w)في\s+$")
# وحتى هذا اليوم: until now, as حتى اليوم.
UNTIL_BEFORE = rx(r"(?<!\w)[وف]?(?:حتي|الي|لغايه)\s+$")
# في بعض أجزاء اليوم, أوقات اليوم: parts of any day, not the publication day.
# على مدار اليوم, طوال اليوم: all day long, any day (a habit, a memory), not the publication day.
ANY_DAY_BEFORE = rx(r"(?<!\w)[وفبل]?(?:ال)?(?:اجزاء|اوقات|فترات|مدار|طوال|طيله)\s+$")
# ليست وليدة اليوم, ظاهرة وليدة اليوم: "(not) new", an idiom, no day.
NEW_BEFORE = rx(r"(?<!\w)(?:وليد|وليده|وليدات|وليدو)\s+$")
# أمس (الأول): an editor's الأول in brackets makes it the day before yesterday too.
YESTERDAY = rx(
    rf"{START}(?:(?P<before>[وف]?(?:اول\s+(?:من\s+)?|قبل\s+(?=امس)))?(?P<w>[وف]?(?:ب?ال)?امس)"
    r"(?P<first>\s+الاول|\s*\(\s*الاول\s*\))?)"
    rf"(?:\s+ال(?P<wd>{WEEKDAYS}))?{END}"
)
# في أمسّ الحاجة, لفي أمس حاجة: "most in need" (أمسّ, its shadda often left out), no day
# (after في only: وصلت أمس الحاجة فاطمة is yesterday and a pilgrim's title).
NEED_AFTER = rx(r"\s+(?:ال)?حاجه(?!\w)")
NEED_BEFORE = rx(r"(?<!\w)[وف]?ل?في\s+$")
# What makes الأمس the day before: a preposition or an event noun before it.
YESTERDAY_CUE_BEFORE = rx(
    r"(?<!\w)[وف]?(?:منذ|حتي|الي|في|من|خلال|قبل|بعد|مساء|صباح|ظهر|عصر|ليله|فجر|يوم|"
    r"مباراه|لقاء|اجتماع|جلسه|موعد|قمه|مؤتمر|انتخابات|رحله|حفل|نهائي|مواجهه|عرض|صلاه|"
    r"تظاهره|تظاهرات|مسيره|هجوم|حادث|حادثه|انفجار|قصف|بيان|تصريحات|صحف|اعلان|زياره|جوله)\s+$"
)
# بالأمس القريب, منذ الأمس القريب: "the recent past", an idiom, not the day before (18
# such in the corpus, each of them so: a bombing of the week before, a minister named,
# كأنه حدث بالأمس القريب).
NEAR_PAST_AFTER = rx(r"\s+القريب(?!\w)")
# الأمس واليوم, بين الأمس: yesterday as "the past".
FIGURATIVE_AFTER = rx(r"\s+و\s*(?:اليوم|الغد)(?!\w)")
FIGURATIVE_BEFORE = rx(r"(?<!\w)بين\s+$")
BARIHA = rx(
    rf"{START}(?P<pre>[وف]?(?:ليله|مساء|صباح)\s+)?(?P<w>[وف]?البارحه){END}"
    rf"(?P<first>\s+الاولي{END})?"  # البارحة الأولى: the night before last (أول أمس)
)
# Nouns whose "of yesterday" / "of tomorrow" is the day (اجتماع الغد, مباراة الأمس);
# شباب الغد, عالم الأمس are figures of speech and stay out.
EVENT_NOUNS = (
    r"مباراه|لقاء|اجتماع|جلسه|موعد|قمه|مؤتمر|انتخابات|رحله|حفل|نهائي|مواجهه|عرض|صلاه|"
    r"تظاهره|تظاهرات|مسيره|هجوم|حادث|حادثه|انفجار|قصف|بيان|تصريحات|صحف|اعلان|زياره|جوله"
)
# أغلب المسلمين اليوم لا يعرفون, أشدها خطرا اليوم هو الطائفية: a bare اليوم before هو /
# لا / ليس / لم states what holds now (of 13 such read on unsampled articles, 8 meant
# nowadays); not after an event (اتفاق اليوم هو أول, ما حدث اليوم ليس, مباراة اليوم لا).
# المالية العامة اليوم في وضع صحي: a state it is in, now (not في حال, "in case").
STATE_AFTER = rx(r"\s+(?:هو|هي|ليس|ليست|لا|لم|لن|في\s+(?:وضع|حاله|موقف|مرحله))(?!\w)")
EVENT_JUST_BEFORE = rx(
    rf"(?<!\w)[وفبل]?(?:ال)?(?:{EVENT_NOUNS}|اتفاق|اقتحام|حدث|جري|يحدث|يجري|شاهدناه|شهدناه)"
    r"(?:\s+\S+){0,2}\s+$"
)
# Prepositions after which the bare الأمس / الغد is the day (منذ الأمس, حتى الغد).
DAY_PREPOSITIONS = r"منذ|حتي|الي|في|من|خلال|قبل|بعد"
TOMORROW = rx(
    rf"{START}(?P<pre>[وف]?(?:يوم|صباح|مساء|ظهر|عصر|فجر|ليله|بعد|{EVENT_NOUNS}|{DAY_PREPOSITIONS})\s+)?"
    rf"(?P<w>[وف]?(?:غدا|الغد|غد)){END}(?:\s+ال(?P<wd>{WEEKDAYS}){END})?"
)
WEEKDAY = rx(
    rf"{START}(?P<pre>[وف]?[بل]?(?:يوم|صباح|مساء|فجر|ليله|ظهر|عصر|نهار)\s+)?"
    rf"(?:[وف]?[بل]?ال|[وف]?لل)(?P<wd>{WEEKDAYS}){END}(?:\s+(?P<mod>{MODIFIER}){END})?"
)
# الجمعة in صلاة الجمعة, خطبة الجمعة, منبر الجمعة is the weekly event, not a date;
# مساجد الجمعة, مسجد الجمعة, جوامع الجمعة: the mosques of that prayer (or Quba's mosque of
# that name), a kind of mosque; with ال the noun is its own (المسجد الجمعة الماضية).
# مستشفى الخميس العام, سوق الثلاثاء الشعبي: a place named by its town (Khamis Mushait) or
# its weekly market, no date (19 such in the corpus, all read as a weekday before); with
# ال the noun is its own (عايد أمه بالمستشفى الخميس الماضي: that Thursday).
WEEKDAY_EVENT_BEFORE = rx(
    r"(?<!\w)[وفبل]?(?:ال)?(?:صلاه|خطبه|صلاتي|اسبوع|منبر|منابر|خطب|خطيب|امام|خطباء)\s*$"
    r"|(?<!\w)[وفبل]?(?:مستشفي|سوق|مسجد|مساجد|جامع|جوامع)\s+$"
)
# بدر الخميس, محمد الجمعة, عبدالرحمن السبت, عبد رب الرسول الخميس: a family name after a
# given name (عبد رب and the word after it are one name), not a weekday (news writes قال
# محمد يوم الخميس or قال الخميس; علي is left out, it folds like على).  Not after الملك /
# الرئيس / الأمير, who are named by the given name alone (استقبل الملك سلمان الخميس).
_GIVEN_NAMES = (
    "محمد", "أحمد", "محمود", "مصطفى", "عمر", "عثمان", "خالد", "فهد", "سعد", "سعود", "سعيد",
    "بدر", "ناصر", "صالح", "سالم", "سلطان", "فيصل", "سلمان", "تركي", "نايف", "بندر", "مشعل",
    "متعب", "ماجد", "حمد", "حمود", "راشد", "مبارك", "منصور", "إبراهيم", "يوسف", "يعقوب", "عيسى",
    "موسى", "حسن", "حسين", "حامد", "طلال", "طارق", "زياد", "ياسر", "وليد", "عادل", "سامي",
    "هشام", "جاسم", "فاطمة", "نورة", "مريم", "سارة", "عائشة", "منيرة", "هيا", "بن", "بنت",
)  # fmt: skip
# The names as a trie (lexicon.alternation): a flat list was tried name by name at each
# word's start of the stretch.
GIVEN_NAME_BEFORE = rx(
    r"(?<!\w)(?<!الملك )(?<!الرئيس )(?<!الأمير )(?<!ولي العهد )[وف]?"
    rf"(?:{lx.alternation(map(strip_marks, _GIVEN_NAMES))}|عبد\s?رب\s?\w+|عبد\s?\w+|أبو\s?\w+)\s+$"
)
# Earlier weekdays of the same list: عدا الخميس والجمعة, أيام السبت والأحد.
_LIST_BEFORE = rf"(?:(?:يومي?|ايام)\s+)?(?:[وف]?ال(?:{WEEKDAYS})\s*[،,]?\s*)*"
# أيام الجمعة, كل جمعة: every such weekday (a SET); a list joined by و (not across a
# comma: مساء الجمعة، والسبت والأحد من كل أسبوع keeps its Friday) shares its tail.
WEEKDAY_SET_BEFORE = rx(
    rf"(?<!\w)(?:كل|ايام)\s+{_LIST_BEFORE}$"
    r"|(?<!\w)كل\s+اسبوع\s+(?:من|في)\s+(?:يوم\s+)?$"  # في كل أسبوع من يوم الخميس
)
# أفضل أيام الله يوم الجمعة, خير أيام الأسبوع الجمعة: the weekday in general; tried only
# where ايام is in reach.
BEST_DAYS_BEFORE = rx(
    r"(?<!\w)[وف]?(?:افضل|خير|اعظم|احب|سيد)\s+(?:ال)?ايام(?:\s+\S+){0,2}\s+(?:هو\s+)?$"
)
# The other weekdays of a list after it (السبت والثلاثاء من كل أسبوع): at most the six
# others, so a match tried at each of a long run of them never walks the whole run.
WEEKDAY_SET_AFTER = rx(
    rf"(?:\s+و\s*ال(?:{WEEKDAYS}){END}){{0,6}}\s+(?:من\s+|في\s+)?(?:كل\s+اسبوع|اسبوعيا)"
)
# سيعقد الاجتماع يوم الأحد, يستعد الناشطون للتظاهر يوم الجمعة: a weekday in a clause
# about the future is the coming one, not the last.  Only sure markers of the future
# (س on a verb of a listed stem, not سياسي or سيارة), and not across a relative clause.
FUTURE_CLAUSE_BEFORE = Before(
    # (Not the name فيصل, which reads as ف and يصل; not قبل أن يصل, a past told.)
    r"(?<!\w)(?!فيصل)(?<!قبل ان )[وف]?(?:سوف|من\s+(?:المقرر|المنتظر|المزمع|المرتقب|المتوقع)|[يت]ستعد(?:ون|ان)?"
    r"|[يت]عتزم(?:ون|ان)?"  # يعتزم المجلس استعراض النتائج يوم الأربعاء: intends to
    r"|[يت]توقع(?:ون|ان)?\s+ان"  # ويتوقع أن تتلاشى قوته الأحد: expected to
    # توقعات الطقس ... يوم الاثنين, ويحتمل أن يكون يوم الاثنين مغبرا: a forecast.
    r"|توقعات\s+(?:ال)?(?:طقس|ارصاد|حاله\s+الطقس)|[يت]حتمل(?:\s+ان)?"
    # تنتهي مدة خدمته يوم الجمعة, يلتقي الفريقان يوم السبت: a scheduled event in the
    # present tense (news tells what happened in the past tense).
    r"|[يت](?:نتهي|بدا|نطلق|عقد|قام|لتقي|ختتم|فتتح|ستضيف|حتفل|خوض|واجه)(?:ون|ان)?"
    # يصل الوفد إلى الخرطوم الأحد, تصل موغيريني إلى المملكة الاثنين: a visit ahead.
    r"|[يت](?:صل|توجه|زور|غادر)(?:ون|ان)?"
    r"|س[يتن](?:عقد|قام|تم|كون|بدا|نطلق|لتقي|زور|صل|جتمع|جري|لقي|شهد|غادر|توجه|خوض|نظم|علن"
    r"|نتهي|واجه|ستانف|عود|حتفل|فتتح|ختتم|طلق|ستضيف|لعب|قيم"
    # وسيعاود الفريق تدريباته مساء الثلاثاء: the future verbs that come before a weekday
    # in the corpus (a count of س-words there, names and nouns left out).
    r"|عاود|ستمر|لاقي|فتح|حيي|تواجد|غلق|جمع|نتقل|بقي|لتحق|صدر|وقع|نضم|شارك|نعقد|لتئم"
    r"|ناقش|حتضن|قود|سافر|دشن|ستقبل)(?:ون|ان)?(?:ه|ها|هم|هما)?)(?!\w)"
    r"(?:(?!الذي|التي|الذين|منذ|عندما|حين|بعد\s+ان|الماضي)[^.!?؟\n،,:؛])*$",
    (),  # no gate: من is everywhere
    CLAUSE_STOPS,  # (\s in من المقرر takes a newline)
)
# من الأحد إلى الخميس الساعة 7 مساء: the days of a weekly schedule (clock.py makes its
# time a SET), neither of them a date.
SCHEDULE_RANGE_AFTER = rx(
    rf"\s+(?:و\s*)?(?:الي|حتي)\s+(?:يوم\s+)?ال(?:{WEEKDAYS}){END}"
    r"[^.!?؟\n]{0,40}?(?<!\w)(?:ال)?ساعه(?!\w)"
)
SCHEDULE_RANGE_BEFORE = rx(
    rf"(?<!\w)[وف]?من\s+(?:يوم\s+)?ال(?:{WEEKDAYS})\s+(?:و\s*)?(?:الي|حتي)\s+(?:يوم\s+)?$"
)
SCHEDULE_CLOCK_AFTER = rx(r"[^.!?؟\n]{0,40}?(?<!\w)(?:ال)?ساعه(?!\w)")
# ويعمل خمس ساعات يوميا من (4) إلى (9) مساءً، من السبت حتى الأربعاء: the daily hours first,
# then the range of weekdays (its opening من), in one sentence.
SCHEDULE_OPENING_AFTER = rx(rf"\s+(?:و\s*)?(?:الي|حتي)\s+(?:يوم\s+)?ال(?:{WEEKDAYS}){END}")
SCHEDULE_FROM_BEFORE = rx(r"(?<!\w)[وف]?من\s+(?:يوم\s+)?$")
SCHEDULE_HOURS_BEFORE = rx(
    r"(?:(?<!\w)(?:يوميا|يوميه|(?:ال)?دوام|ساعات\s+(?:ال)?(?:عمل|دوام))(?!\w)"
    r"|\d\s*\)?\s*(?:صباحا|مساء|ظهرا|عصرا)(?!\w))[^.!?؟\n]{0,60}$"
)
# عدا الخميس والجمعة, باستثناء يوم السبت: days left out, not dates.
WEEKDAY_EXCEPT_BEFORE = Before(
    rf"(?<!\w)(?:عدا|باستثناء|سوي|خلا)\s+{_LIST_BEFORE}$", ("عدا", "باستثناء", "سوي", "خلا")
)
# What makes الأحد or الاثنين ("the one", "the two") a weekday without يوم or a
# modifier: punctuation or a date or "that" after it, or a verb of happening before.
AMBIGUOUS_WEEKDAY_AFTER = rx(
    r"\s*(?:[،,.:;)(\-]|$)|\s+(?:\d|(?:ال)?موافق|ان|انه|انها|امس|عن\s+|على\s+ان)"
)
_HAPPENING_VERBS = (
    "وقع", "وقعت", "جري", "جرت", "حدث", "حدثت", "عقد", "عقدت", "انعقد", "انعقدت", "يعقد",
    "تعقد", "انطلق", "انطلقت", "ينطلق", "تنطلق", "بدا", "بدات", "يبدا", "تبدا", "اختتم",
    "اختتمت", "يختتم", "تختتم", "افتتح", "افتتحت", "اقيم", "اقيمت", "يقام", "تقام", "وصل",
    "وصلت", "يصل", "تصل", "غادر", "غادرت", "قتل", "قتلت", "توفي", "توفيت", "اعلن", "اعلنت",
    "صدر", "صدرت", "نشر", "نشرت", "استقبل", "استقبلت", "التقي", "التقت", "اجتمع", "اجتمعت",
    "يلتقي", "تلتقي", "يجتمع", "تجتمع", "تبدا", "تنتهي", "ينتهي", "انتهي", "انتهت",
    "زار", "زارت", "يزور", "تزور", "بحث", "بحثت", "يبحث", "تبحث", "ناقش", "ناقشت", "يناقش",
    "تناقش", "شهد", "شهدت", "يشهد", "تشهد", "يغادر", "تغادر", "يفتتح", "تفتتح",
)  # fmt: skip
# The verb, its future's س, and its subject between it and the weekday (التقى الوزير
# الأحد نظيره, ويصل الوفد الأحد, سيزور الرئيس الاثنين باريس).
HAPPENING_BEFORE = rx(
    rf"(?<!\w)(?!فيصل)[وف]?س?(?:{lx.alternation(_HAPPENING_VERBS)})\s+(?:ال\w+\s+)?$"
)
# عقب عودته إلى ألمانيا الاثنين, وصل إلى الرياض الأحد: a place after its preposition,
# then the day (never "the two" after a place).
# Not after a day word (من غد الأحد has its own rule), "that" (الى أن الاثنين معروفان:
# the two), the two days of a schedule (في يومي الأحد والأربعاء), nor a name that
# holds the day (مدرسة الأحد, سوق الاثنين).
PLACE_BEFORE = rx(
    r"(?<!\w)(?:الي|في|من)\s+"
    r"(?!(?:غد|غدا|امس|يوم|يومي|ان|انه|انها|مدرسه|سوق)(?!\w))\S+\s+$"
)
NOT_A_WEEKDAY_AROUND = rx(r"\s+عشره?(?!\w)")
ONE_BEFORE = rx(r"(?<!\w)(?:الواحد|الفرد|الصمد)\s+$")
# بين الاثنين, كلا الاثنين, البلدين الاثنين: "the two"; after مع too (لم تكن لها مشكلة
# مع الاثنين, نحن مع الاثنين: "with the two"; 3 in the corpus, all so).
TWO_BEFORE = rx(r"(?<!\w)(?:[وف]?(?:بين|كلا|هذين|هذان|من|عن|الي|علي|مع)|ال\w+(?:ين|ان))\s+$")
# The start, middle or end of a period is in its span (TempEval-3), and with no modifier
# (مطلع العام, نهاية الشهر) names the current one; never before a year, a name or an
# adjective (نهاية العام الدراسي), nor the week's end (the weekend).  Found by string
# checks around the period's match or anchor, not by a wider regex.
PERIOD_EDGES = frozenset(
    strip_marks(w)
    for w in ("مطلع", "مستهل", "بداية", "نهاية", "منتصف", "أواخر", "أوائل", "أواسط", "ختام")
)
# هذا العام الدراسي, هذه السنة المالية: a school, fiscal or Hijri year, not the calendar's.
OTHER_YEAR_AFTER = (
    r"(?!\s+(?:ال)?(?:دراسي|دراسيه|مالي|ماليه|جامعي|جامعيه|اكاديمي|هجري|هجريه|تدريبي)(?!\w))"
)
# السنة السابقة, the feminine of العام السابق, is the year before as السابق is (it was
# not found at all; 5 mentions of the corpus found, all right when read).  Only after
# سنه: the plurals (السنوات السابقة) and other nouns are left as they were.
PERIOD = rx(
    rf"{START}(?:(?P<this>[وف]?(?:في\s+)?[بل]?(?:هذا|هذه)\s+)(?P<unit1>ال(?:اسبوع|شهر|عام|سنه))"
    + OTHER_YEAR_AFTER
    + rf"|{DEFINITE}(?P<unit>اسبوع|شهر|عام|سنه)\s+"
    rf"(?:(?P<mod>{MODIFIER}|(?<=سنه\s)السابقه)|(?P<before_last>قبل\s+الماضي(?:ه)?)"
    rf"|(?P<after_next>بعد\s+(?:المقبل|القادم)(?:ه)?))){END}"
)
# المدير العام السابق, الأمين العام الحالي, الرئيس العام السابق: a title (العام is
# "general"), no year. After الرئيس only with السابق / الأسبق / الحالي (الرئيس العام
# الماضي may be "the president, last year").
TITLE_BEFORE = rx(
    r"(?<!\w)[وفبل]?(?:ال|لل)(?:امين|مدير|نائب|مدعي|مفتش|مراقب|مرشد|منسق|مشرف|قائد|محامي|"
    r"مستشار|وكيل|رئيس)\s+$"
)
TITLE_MODIFIERS = frozenset({"السابق", "الاسبق", "الحالي"})
PRESIDENT = strip_marks("رئيس")  # folded: رييس
BARE_PERIOD = rx(r"(?P<unit>شهر|عام|سنه)(?!\w)(?!\s*(?:ال|\d|[(\-]|من\s+\d|قبل\s+الماضي|بعد\s+ال))")

# في يونيو دون تغيير عن الشهر السابق, ارتفع في 2010 عن العام السابق: السابق ("the one
# before") after a month or a year written earlier in its sentence counts back from that
# one, not from the article's date: the year before a written year, else a past
# reference (the month is not placed).
PRIOR_MONTH_BEFORE = rx(
    rf"(?<!\w)[وفبل]?(?P<m>{MONTHS}){END}(?P<y>(?:\s*\(\s*[^()]{{2,14}}\))?\)?\s+(?:من\s+)?(?:(?:ال)?عام\s+)?(?:19|20)\d\d)?"
    r"(?:[^.!?؟\n]|(?<=\d)\.(?=\d))*$"  # 25.17% is no sentence end
)
# في يوليو ... مقارنة بالشهر الماضي: the past month compared with a month the text names
# is the one before that month, as السابق is.
COMPARED_BEFORE = rx(r"(?<!\w)(?:مقارنه\s+|قياسا\s+|عن\s+|مع\s+)ب?$")
PRIOR_YEAR = rx(r"(?<![\d/.])((?:19|20)\d\d)(?![\d/])")
SENTENCE_END = rx(r"[.!?؟\n]")
PRIOR_WORDS = frozenset(strip_marks(w) for w in ("السابق", "السابقة"))
# التقرير السنوي 2014م ... وبلغ إنتاجها في العام نفسه ... بزيادة عن العام السابق: "the
# same year" between carries the written year further back, to the start of the
# sentence before the one of "the same year".
SAME_YEAR = rx(r"(?<!\w)(?:ال)?(?:عام|سنه)\s+(?:نفسه|ذاته|عينه|نفسها|ذاتها|عينها)(?!\w)")
SAME_YEAR_REACH = 1000
# ارتفعت العام الماضي بنسبة 11.4% مقارنة بزيادة 5.6% عن العام السابق: "the year before"
# with last year the last year phrase before it in its sentence is the year before last
# year, not last year again (12 mentions of the corpus moved, 2014 to 2013, all so; 9 of
# them one story in several papers).  Not after من (الفترة نفسها من العام الماضي ... عن العام
# السابق: last year is itself the year compared with), nor with a month or another عام
# between (العجز في أبريل الماضي مقارنة بالفترة نفسها من العام السابق: the year before
# that month's).
LAST_YEAR_BEFORE = rx(
    r"(?<!\w)(?<!من\s)[وف]?(?:في\s+)?(?:ال)?(?:عام|سنه)\s+"
    r"(?:الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفائته)(?!\w)"
    rf"(?:(?!(?:عام|سنه|{MONTHS})(?!\w))[^.!?؟\n]|(?<=\d)\.(?=\d))*$"
)
# وفي العام التالي، عام 1894; تأسست عام 1893 وفي العام التالي: "the year after" a year
# of the story is the year written just after it, else the one after the year written
# before it (in its sentence, or before an "العام نفسه"), not the article's next year.
NEXT_WORDS = frozenset(strip_marks(w) for w in ("التالي", "التالية"))
NEXT_YEAR_AFTER = rx(r"\s*[،,]?\s*(?:(?:ال)?(?:عام|سنه)\s+)?(?P<y>(?:18|19|20)\d\d)(?![\d/])")
STORY_YEAR = rx(r"(?<![\d/.])((?:18|19|20)\d\d)(?![\d/])")


def _edge_before(text: str, start: int) -> int | None:
    """Where an edge word (مطلع, نهاية, وبداية) written just before start begins."""
    end = start - 1
    if end < 1 or not text[end].isspace():
        return None
    first = end
    while first > 0 and end - first < 8 and text[first - 1].isalpha():
        first -= 1
    word = text[first:end]
    for glued in range(3):
        if word[glued:] in PERIOD_EDGES and all(c in "وفبل" for c in word[:glued]):
            return first
    return None


AGO = rx(
    rf"{START}(?P<dir>[وف]?(?:منذ|قبل))\s+(?P<approx>(?:اكثر|اقل|ما\s+يزيد|ما\s+يقرب|ما\s+يقارب|نحو|حوالي|قرابه)\s+(?:من\s+|عن\s+)?)?"
    rf"(?:(?P<num>\d{{1,3}})\s*|(?P<word>{CARDINAL})\s+)?(?P<unit>{lx.alternation(lx.UNIT_FORMS)}){END}"
    r"(?!\s*\d)(?P<tail>\s+من\s+(?:الان|الزمن|الزمان|السنوات|السنين|الاعوام)(?!\w))?"
)
# أول يوم منذ ستة أسابيع, لأول مرة منذ ثلاثة أشهر, أعلى مستوى منذ عامين: the first (or
# the highest) in that long, a length up to now, not the week or month counted back.
FIRST_SINCE_BEFORE = rx(
    r"(?<!\w)[وفبل]?(?:ل?اول|الاول|الاولي|اعلي|ادني|اكبر|اصغر|اقل|اكثر|افضل|اسوا)"
    r"(?:\s+(?!منذ)\S+){0,2}\s+$"
)
NAMED_AFTER = rx(rf"\s+(?:\(?\d|(?:{MONTHS}|{HIJRI_MONTHS}|رمضان){END})")
# قرن ونصف, قرن ونصف القرن: and a half.
HALF_AFTER = rx(r"\s+و\s*نصف(?:\s+القرن)?(?!\w)")
# قبل يومين من الانتخابات, قبل 3 أسابيع فقط من البطولة, قبل أربعة أشهر بالتمام والكمال
# عن موعد الانتخابات: counted back from an event, not from today (فقط, بالضبط... only
# stress the count; عن only before موعد / تاريخ, as أعلن قبل أيام عن خطة is "about").
# منذ عشرين يوما من قبل النظام, قبل 150 عاما فقط من بعض الصيادين: "by" the regime,
# some fishermen (the agent), counted from today.
EVENT_AFTER = rx(
    r"\s+(?:(?:تقريبا|فقط|بالضبط|تماما|بالتمام\s+والكمال)\s+)?"
    r"(?:(?:من|على)\s+(?!(?:الان|الزمن|الزمان|السنوات|السنين|الاعوام|قبل|بعض)(?!\w))"
    r"|عن\s+(?:موعد|تاريخ)(?!\w))"
)
# قبل ساعات من انطلاق المباراة, قبل أيام على بدء الهدنة: a vague count before an event
# named by its noun.  Not any من / على as EVENT_AFTER, which follow a count: after a bare
# plural they are as often the verb's (وافقت قبل أسابيع على استقبال, سيطرت قبل أيام على
# المدينة, عانت قبل سنوات من أزمة, حصلت عليها قبل أيام من فرنسا; of the 87 the wider
# rule changed in the corpus, 9 of 12 with على and 10 of 75 with من were such; with the
# nouns, 64 change, all read right).
_VAGUE_EVENTS = (
    "بدء", "بدئ", "بدايه", "انطلاق", "موعد", "وصول", "وفاه", "رحيل", "انتخاب", "انتخابات",
    "اغتيال", "هجوم", "مباراه", "لقاء", "افتتاح", "سريان", "توقيع", "اعلان", "فتح", "نهايه",
    "انتهاء", "مغادره", "اجتماع", "حفل", "اعدام", "اختطاف", "اعتقال", "زفاف", "وقوع",
    "تصويت", "اندلاع", "غاره", "ذكري", "استقاله", "رفع", "قيام", "اجتياح", "مصرع", "ولاده",
    "اغلاق", "مواجهه", "محاوله", "توصل", "هدنه", "حادث", "حادثه", "انفجار", "قصف", "جلسه",
    "قمه", "مؤتمر", "زياره", "انعقاد", "عيد", "رمضان", "امتحان", "امتحانات", "سفر", "عوده",
    # with a pronoun: وفاتها, زيارته
    "وفات", "زيارت", "عودت", "مغادرت", "استقالت", "ولادت", "محاولت",
)  # fmt: skip
# قبل أيام قليلة من موعد الانتخابات: the count's قليلة / معدودة between, the same (8
# mentions of the corpus made a length from the event, all so).
VAGUE_EVENT_AFTER = rx(
    r"\s+(?:(?:تقريبا|فقط|بالضبط|تماما|قليله|معدوده)\s+)?(?:من|علي)\s+(?:ال)?"
    rf"(?:{lx.alternation(_VAGUE_EVENTS)})(?:ه|ها|هم|هما|ي|نا)?(?!\w)"
)
# قبل عقد جلسة الاستماع: عقد is "holding" a meeting there, not a decade.
HELD_AFTER = rx(rf"\s+[وف]?(?:{EVENT_NOUNS}|ندوه|ورشه|صفقه|اتفاق|اتفاقيه|جلسات|اجتماعات){END}")
# قبل أسبوع العودة, منذ يوم التأسيس: a lone unit in construct with a noun is that
# event's week or day, not one counted back from today.
AGO_CONSTRUCT_AFTER = rx(r"\s+ال(?!(?:ي|ا|تي|ذي|ذين|ان|يوم)(?!\w))\w{1,40}")
# للثلاثة الأشهر القادمة, الخمسة الأيام الماضية: a definite count before the plural is
# its number (P3M), as in الأشهر الثلاثة القادمة.
COUNT_BEFORE = rx(rf"(?<!\w){DEFINITE}(?P<n>{CARDINAL})\s+$")
# الأيام الأخيرة قبل العيد, الأيام الأخيرة من شهر رمضان, الساعات الأخيرة للمداولات: the
# last ones of a time or an event, not recent ones (في السنوات الأخيرة من خلال, من أجل,
# للحد من: recent ones, من and ل doing other work).  With a count (الأيام الـ17 الأخيرة من
# المفاوضات) they stay a length.
_LAST_OF = (
    "عيد", "حرب", "اجازه", "عطله", "موسم", "عام", "سنه", "شهر", "اسبوع", "حياته", "حياتها",
    "حياتي", "عمر", "عمره", "ولايه", "ولايته", "حكم", "مفاوضات", "محادثات", "تفاوض", "مداولات",
    "حمله", "محاكمه", "محاكمته", "دوره", "بطوله", "صيف", "شتاء", "ربيع", "خريف", "فتره",
)  # fmt: skip
LAST_OF_AFTER = rx(
    r"\s+(?:قبل\s+\w|(?:من\s+(?:شهر\s+)?(?:ال)?|لل)"
    rf"(?:{HIJRI_MONTHS}|{MONTHS}|{lx.alternation(_LAST_OF)})(?!\w))"
)
VAGUE = rx(
    # قبل عدة أشهر, قبل بضعة أيام: as قبل أشهر, some time ago (منذ عدة أشهر may be a
    # length, for some months, and stays one).
    rf"{START}(?:(?P<since>[وف]?(?:منذ\s+|قبل\s+(?:(?:عده|بضعه|بضع)\s+)?))(?P<plural>سنوات|سنين|اعوام|اشهر|شهور|ايام|اسابيع|عقود|قرون|ساعات|دقائق|لحظات){END}(?!\s*\d)"
    rf"|{DEFINITE}(?P<plural2>سنوات|اعوام|اشهر|شهور|ايام|اسابيع|عقود|ساعات)"
    rf"(?:\s+(?:ال)?(?P<n>\d+)|\s+ال(?P<nw>{CARDINAL}))?"
    rf"(?P<few>\s+القليله)?\s+(?P<mod>الاخيره|{PAST}|{FUTURE}){END}"
    rf"|{DEFINITE}(?P<dual>يومين|اسبوعين|شهرين|عامين|سنتين|عقدين)\s+"
    rf"(?P<dmod>الماضيين|المنصرمين|الفائتين|الاخيرين|المقبلين|القادمين){END}"
    rf"|{DEFINITE}(?P<night>ليله)\s+(?:الماضيه|البارحه){END}"
    rf"|(?P<coming>[وف]?(?:في\s+)?قادم\s+الايام){END})"
)


# أفادت تقارير الخميس بأن قوات اعتقلت الليلة الماضية: a report's own weekday, then
# "that": the last night and yesterday of what it reports count from that weekday.  Not
# a weekday the writer names as his own yesterday or today (أفادت أمس الأحد بأن ...
# صباح الأمس: the same yesterday, told again).
REPORTED_WEEKDAY_BEFORE = rx(
    rf"(?<!امس )(?<!اليوم )(?<!\w)(?:يوم\s+)?ال(?P<wd>{WEEKDAYS})\s+(?:ب?ان(?:ه|ها|هم)?)(?!\w)[^.!?؟\n]*$"
)
REPORTED_REACH = 120


def _reported_today(ctx: Context, start: int) -> date | None:
    """The day of a report whose weekday is named before start in its sentence (قالت
    الوزارة الخميس إن), the last such weekday on or before the article's today."""
    if ctx.today is None:
        return None
    lo = max(0, start - REPORTED_REACH)
    if "ان" not in ctx.text[lo:start]:
        return None
    hit = REPORTED_WEEKDAY_BEFORE.search(ctx.text, lo, start)
    if hit is None:
        return None
    return last_weekday(ctx.today, lx.WEEKDAYS[hit.group("wd")], strict=False)


def _relative_day(ctx: Context, start: int, end: int, offset: int, confidence: float) -> Candidate:
    if ctx.today is None:
        direction = "PRESENT" if offset == 0 else ("PAST" if offset < 0 else "FUTURE")
        return Candidate(start, end, v.vague_value(direction), "relative", confidence * 0.8)
    day = ctx.today + timedelta(days=offset)
    return Candidate(start, end, v.day_value(day), "relative", confidence, day=day)


def _named_day(
    ctx: Context, start: int, end: int, offset: int, weekday: str | None, confidence: float
) -> Candidate:
    """أمس الخميس, غداً الأربعاء: the named weekday wins, as in اليوم الجمعة.

    The publication (or crawl) time is often a day or two late, never early, and
    the weekday is what the writer saw: yesterday's weekday is the latest on or
    before the day before; tomorrow's the one nearest the day after (a غداً
    الاثنين crawled on Tuesday meant the Monday just gone).
    """
    if weekday is None or ctx.today is None:
        return _relative_day(ctx, start, end, offset, confidence)
    near = ctx.today + timedelta(days=offset)
    wd = lx.WEEKDAYS[weekday]
    if offset == -1 and wd == ctx.today.weekday() and not _small_hours_anchor(ctx):
        # أمس الأربعاء on a Wednesday: the weekday a slip by a day, likelier than a week.
        return Candidate(start, end, v.day_value(near), "relative", confidence, day=near)
    if offset == -2 and wd == (ctx.today - timedelta(days=1)).weekday():
        # أول من أمس (الأربعاء) on a Thursday: the day after it, a slip by a day as
        # above, not the Wednesday a week before.
        day = ctx.today - timedelta(days=1)
        return Candidate(start, end, v.day_value(day), "relative", confidence, day=day)
    before = last_weekday(near, wd, strict=False)
    after = next_weekday(near - timedelta(days=1), wd)
    nearer_after = (after - near) <= (near - before)
    day = after if offset > 0 and nearer_after else before
    return Candidate(start, end, v.day_value(day), "relative", confidence, day=day)


def _small_hours_anchor(ctx: Context) -> bool:
    """Whether the anchor is a stamp between midnight and five (the writer's day before)."""
    a = ctx.anchor
    return a is not None and a.hour < 5 and (a.hour, a.minute, a.second) != (0, 0, 0)


def _vocalized(ctx: Context, start: int, end: int) -> bool:
    """A word written with two or more short vowels: scripture or verse quoted, not news."""
    o_start, o_end = ctx.folded.span(start, end)
    if o_end - o_start == end - start:
        return False  # nothing folding drops (every short vowel is) is in the word
    return sum("\u064b" <= ch <= "\u0652" for ch in ctx.folded.original[o_start:o_end]) >= 2


# A short vowel (fathatan to sukun), what _vocalized counts; lazy, not rx (which would
# take the vowels out of the pattern).
SHORT_VOWEL = lazy("[\u064b-\u0652]")


def today(ctx: Context) -> Iterator[Candidate]:
    """اليوم, اليوم الجمعة, هذا اليوم; never اليوم الدولي or a paper called اليوم."""
    text = ctx.text
    if "اليوم" not in text:
        return
    # A text with no short vowel at all (folding dropped only tatweel, هـ) has no word
    # written with two: each اليوم's original span is not looked up.
    vowels = bool(ctx.folded.dropped) and SHORT_VOWEL.search(ctx.folded.original) is not None
    for hit in ctx.scan(TODAY, TODAY_ANCHOR, reach=14):
        # The hit's bounds and groups read once (a call each, a dozen a hit, cost more
        # than the rest of a dense text's اليوم).
        begin, end = hit.span()
        w_start, w_end = hit.span("w")
        wd, pre_group = hit.group("wd", "pre")
        if wd is None and TODAY_ADJECTIVE.match(text, w_end):
            continue
        if TODAY_NAMED_BEFORE.search(text[max(0, begin - 12) : w_start]):
            continue
        if "عنوان" in text[max(0, begin - 40) : w_start] and TITLED_BEFORE.search(
            text, max(0, begin - 40), w_start
        ):
            continue
        if vowels and _vocalized(ctx, w_start, w_end):
            continue  # «الْيَوْمَ أَكْمَلْتُ لَكُمْ دِينَكُمْ»: a verse quoted with its vowels
        if text[end : end + 1] in ('"', "»", "”") or _quoted_title(text, w_start, w_end):
            continue  # «اليوم», برنامج «اليوم السابع»: a title
        if text[w_start - 1 : w_start] == "(" and text[end : end + 1] == ")":
            continue  # (اليوم): a newspaper credited, not the day
        if BYLINE_AFTER.match(text, end) and BYLINE_BEFORE.search(text, max(0, begin - 3), w_start):
            continue  # اليوم - الدمام: the newspaper's byline
        if FIGURATIVE_TODAY_BEFORE.search(text, max(0, begin - 12), w_start):
            continue  # بين الأمس واليوم: then and now
        if (
            wd is None
            and not pre_group
            and text[end : end + 1] == ")"
            and TODAY_NAME_IN_BRACKETS.search(text, max(0, begin - 20), w_start)
        ):
            continue  # (العراق اليوم): a channel named in brackets
        if wd is None and PER_DAY_BEFORE.search(text, max(0, begin - 4), w_start):
            continue  # مرتين في اليوم: "per day"
        if wd is None and ANY_DAY_BEFORE.search(text, max(0, begin - 10), w_start):
            continue
        if wd is None and NEW_BEFORE.search(text, max(0, begin - 10), w_start):
            continue  # ليست وليدة اليوم: not new
        pre = (pre_group or "").strip()
        start = begin if pre else w_start
        if wd is None and GLOSSED_YESTERDAY_AFTER.match(text, end):
            # اليوم (أمس): the day before the stamp's, as the paper says.
            yield _relative_day(ctx, start, end, -1, 0.8)
            continue
        reach_lo = begin - NOWADAYS_REACH if begin > NOWADAYS_REACH else 0
        if wd is None and (
            NOWADAYS_BEFORE.search(text, reach_lo, w_start)
            or (
                DUTY_OR_CLAIM_GATE.search(text, reach_lo, w_start)
                and DUTY_OR_CLAIM_BEFORE.search(text, reach_lo, w_start)
            )
            or (
                THAT_AFTER.match(text, end)
                and ON_ONE_BEFORE.search(text, max(0, begin - 14), w_start)
            )
            or (
                AFFAIRS_GATE.search(text, reach_lo, w_start)
                and AFFAIRS_BEFORE.search(text, reach_lo, w_start)
            )
            or (
                ("الذين" in (reach := text[reach_lo:w_start]) or "الل" in reach)
                and GROUP_PRESENT_BEFORE.search(text, reach_lo, w_start)
            )
            or NOWADAYS_AFTER.match(text, end)
            or (
                STATE_REACHED_AFTER.match(text, end)
                and REACHED_BEFORE.search(text, max(0, begin - 8), w_start)
            )
            or (
                (
                    hit.group("w").startswith("و")
                    or NOW_AFTER_A_PAUSE.search(text, begin - 3, w_start)
                )
                and "امس" in text[max(0, begin - 90) : w_start]
                and THEN_NOW_BEFORE.search(text, max(0, begin - 90), w_start)
                and not NOUN_AFTER_NOW.match(text, end)
            )
            or (
                not pre
                and (
                    THEN_WORD_WA_BEFORE if hit.group("w").startswith("و") else THEN_WORD_BEFORE
                ).search(text, max(0, begin - 120), w_start)
                and not NOUN_AFTER_NOW.match(text, end)
            )
            or (
                hit.group("w").startswith("و")
                and _year_then(ctx, text, begin, w_start)
                and not NOUN_AFTER_NOW.match(text, end)
            )
            or (
                not pre
                and MODAL_AFTER.match(text, end)
                and not FROM_BEFORE.search(text, max(0, begin - 6), begin)
            )
            or (
                not pre
                and PRESENT_VERB_AFTER.match(text, end)
                and THAT_SUBJECT_BEFORE.search(text, max(0, begin - 22), w_start)
            )
            or (
                not pre
                and STATE_AFTER.match(text, end)
                and not EVENT_JUST_BEFORE.search(text, max(0, begin - 40), begin)
            )
            or (
                not pre
                and SENTENCE_OPENING.search(text, max(0, begin - 3), w_start)
                and not SENTENCE_DAY_CUE.match(text, end)
            )
        ):
            # جيل اليوم, شباب اليوم: "of today", the present, not the publication day.
            yield Candidate(start, end, v.vague_value("PRESENT"), "vague", 0.6)
            continue
        if (
            pre
            and not wd
            and (
                # حتى اليوم الخميس names its day: that day, not "until now".
                pre.lstrip("وف") in ("حتي", "الي", "لغايه")
                or UNTIL_BEFORE.search(text, max(0, begin - 8), begin)
            )
        ):
            # "until today": a present reference, not an event on the day.
            yield Candidate(start, end, v.vague_value("PRESENT"), "relative", 0.7)
            continue
        if wd and ctx.anchor_day is not None:
            # "اليوم الجمعة" names its day: the latest Friday on or before publication.
            day = last_weekday(ctx.anchor_day, lx.WEEKDAYS[wd], strict=False)
            yield Candidate(start, end, v.day_value(day), "relative", 0.9, day=day)
            continue
        if not pre and QUOTED_YESTERDAY_BEFORE.search(text, max(0, begin - 40), w_start):
            yield _relative_day(ctx, start, end, -1, 0.8)  # «جئنا اليوم», said أمس
            continue
        if not pre and (reported := _reported_today(ctx, begin)) is not None:
            # وقال مساء الخميس إن "الاشتباكات مستمرة منذ صباح اليوم", stamped Saturday: the
            # speaker's today, the weekday the report names (as أمس and last night are).
            yield Candidate(start, end, v.day_value(reported), "relative", 0.8, day=reported)
            continue
        yield _relative_day(ctx, start, end, 0, 0.8)


def _year_then(ctx: Context, text: str, begin: int, w_start: int) -> bool:
    """Whether a year before the anchor's, in the sentence and a comma before واليوم,
    sets then against now (عام 1973، واليوم يتجدد المشهد)."""
    then = YEAR_THEN_BEFORE.search(text, max(0, begin - 80), w_start)
    return (
        then is not None
        and ctx.anchor_day is not None
        and int(then.group("y")) < ctx.anchor_day.year
    )


def _yesterday_in_context(ctx: Context, hit: re.Match[str]) -> bool:
    start, end = hit.start("w"), hit.end()
    if FIGURATIVE_AFTER.match(ctx.text, end) or FIGURATIVE_BEFORE.search(
        ctx.text, max(0, start - 8), start
    ):
        return False
    return bool(
        YESTERDAY_CUE_BEFORE.search(ctx.text, max(0, start - 16), start)
        or _between_commas(ctx, hit)
    )


BRACKET_WEEKDAY_AFTER = rx(rf"\s*\(\s*ال(?P<wd>{WEEKDAYS})\s*\)")


def yesterday(ctx: Context) -> Iterator[Candidate]:
    """أمس, بالأمس, أمس الأول / أول أمس, أمس الخميس, البارحة (not بالبارحة)."""
    text = ctx.text
    if "امس" not in text and "البارحه" not in text:
        return
    for hit in ctx.scan(YESTERDAY, YESTERDAY_ANCHOR, reach=20, stops=PHRASE_STOPS):
        word = hit.group("w").lstrip("وف")
        if _quoted_title(text, hit.start("w"), hit.end()):
            continue
        if (
            not (hit.group("first") or hit.group("wd"))
            and NEED_AFTER.match(text, hit.end("w"))
            and NEED_BEFORE.search(text, max(0, hit.start("w") - 8), hit.start("w"))
        ):
            continue
        if (
            word in ("الامس", "بالامس")
            and not (hit.group("wd") or hit.group("first"))
            and (near := NEAR_PAST_AFTER.match(text, hit.end()))
        ):
            yield Candidate(hit.start("w"), near.end(), v.vague_value("PAST"), "vague", 0.6)
            continue
        if (
            word in ("الامس", "بالامس")
            and not hit.group("wd")
            and THEN_NOW_AFTER.match(text, hit.end())
            and (
                THEN_BEFORE.search(text, max(0, hit.start("w") - 40), hit.start("w"))
                or THEN_AFTER.match(text, hit.end())
            )
        ):
            yield Candidate(hit.start("w"), hit.end(), v.vague_value("PAST"), "vague", 0.6)
            continue
        if word == "الامس" and not hit.group("wd") and not _yesterday_in_context(ctx, hit):
            continue  # الأمس alone is "the past" as often as "yesterday"
        offset = -2 if hit.group("before") or hit.group("first") else -1
        named = hit.group("wd")
        if not named and (bracket := BRACKET_WEEKDAY_AFTER.match(text, hit.end())):
            # صباح أمس (الجمعة) in a quote of the day before: the weekday in brackets
            # names the day, as أمس الجمعة does (the text's own أمس may be another).
            named = bracket.group("wd")
        if not named and (reported := _reported_today(ctx, hit.start())) is not None:
            day = reported + timedelta(days=offset)
            yield Candidate(hit.start(), hit.end(), v.day_value(day), "relative", 0.9, day=day)
            continue
        yield _named_day(ctx, hit.start(), hit.end(), offset, named, 0.9)
    for hit in ctx.scan(BARIHA, BARIHA_ANCHOR, reach=14):
        yield _relative_day(ctx, hit.start(), hit.end(), -2 if hit.group("first") else -1, 0.8)


# غدا the adverb: before a pause, or after a verb in the future (سيعقد غدا).
TOMORROW_PAUSE_AFTER = rx(r"\s*[،,.:;!؟)]")
FUTURE_VERB_BEFORE = rx(r"(?<!\w)[وف]?س[يتنا]\w{2,}\s+$")
COMMA_BEFORE = rx(r"[،,]\s*$")
COMMA_AFTER = rx(r"\s*[،,]")
# الدراما السورية «غداً نلتقي», مسلسل "أمس واليوم": a date word opening a quoted title
# (closed within three words after a word of a work, within one after a bare quote) is
# a title, no date.
TITLE_OPEN_BEFORE = rx(
    r"(?:(?<!\w)[وفبل]?(?:ال)?(?:مسلسل|برنامج|كتاب|اغنيه|فيلم|روايه|مسرحيه|ديوان|قصيده|"
    r"حلقه|البوم|مقال|عنوان|شعار|حمله)\s*)?(?:[«“]\s*|(?:^|(?<=\s))\")$"
)
TITLE_CLOSE_AFTER = rx(r"(?:\s*[^\s.!?؟\n«»\"“”]{1,40}){0,3}\s*[»\"”]")


def _quoted_title(text: str, start: int, end: int) -> bool:
    """«غداً نلتقي», مسلسل «أمس»: a date word opening a quoted title."""
    head = text[max(0, start - 3) : start]
    if "«" not in head and '"' not in head and "“" not in head:
        return False  # no quote opens just before: the common case, one slice
    opening = TITLE_OPEN_BEFORE.search(text, max(0, start - 24), start)
    if opening is None:
        return False
    close = TITLE_CLOSE_AFTER.match(text, end)
    if close is None:
        return False
    # After a word of a work, any short quote; a bare quote only of one word more (a
    # bare «أمس» is a word stressed or corrected: اليوم «أمس»).
    return len(opening.group().strip()) > 1 or len(close.group()[:-1].split()) == 1


# إن غداً لناظره قريب: a proverb (tomorrow is near to who waits for it), no day.
PROVERB_AFTER = rx(r"\s+لناظر(?:ه|يه)(?!\w)")
# ومن يضمن أن يسمح غدًا لرئيس وزراء, لا أحد يضمن أن الشمس ستشرق غدا: who can guarantee
# that ... tomorrow, a question of the future at large, not the day after (2 such in the
# corpus, both so; ليضمن بقاءه ... في مواجهته غداً, a purpose, is the day).
WHO_GUARANTEES_BEFORE = rx(
    r"(?<!\w)[وف]?(?:من|لا\s+احد|ما\s+الذي)\s+[يت]ضمن(?:\s+\S+)?\s+ان(?!\w)[^.!?؟\n،,]{0,50}$"
)
# ستبوء بالفشل اليوم وغدا وبعد غد, يصبح السؤال اليوم وغداً وبعد غد: now and always, an
# idiom (4 such in the corpus, all so; اليوم وغدًا alone is two days): its اليوم is
# nowadays (NOWADAYS_AFTER), its غدا and بعد غد the future at large (12 mentions: 10
# read as the three days moved, 2 bare وغدا found).
ALWAYS_THREE_DAYS = rx(r"(?<!\w)[وف]?اليوم\s+و\s*غدا\s+و\s*بعد\s+غد(?!\w)")
# حل اليوم قبل الغد, تتخذه اليوم – وليس غدًا: the later of "now rather than later", no day
# (6 such in the corpus, each of them so; its اليوم is nowadays, NOWADAYS_AFTER).
LATER_OF_NOW_BEFORE = rx(rf"(?<!\w)[وف]?اليوم{NOW_NOT_LATER}$")


def _tomorrow_in_context(ctx: Context, hit: re.Match[str]) -> bool:
    start = hit.start("w")
    return bool(
        TOMORROW_PAUSE_AFTER.match(ctx.text, hit.end("w"))
        or FUTURE_VERB_BEFORE.search(ctx.text, max(0, start - 20), start)
    )


def _between_commas(ctx: Context, hit: re.Match[str]) -> bool:
    """، الأمس، : a day named on its own between commas."""
    start = hit.start("w")
    return bool(
        COMMA_BEFORE.search(ctx.text, max(0, start - 4), start)
        and COMMA_AFTER.match(ctx.text, hit.end("w"))
    )


# The words before غد that make it the day (يوم غد, فجر غد, بعد غد).
TOMORROW_DAY_WORDS = ("يوم", "بعد", "صباح", "مساء", "ظهر", "عصر", "فجر", "ليله")


def tomorrow(ctx: Context) -> Iterator[Candidate]:
    """غداً, يوم غد, غداً الأربعاء, بعد غد; never the verb غدا "became"."""
    text = ctx.text
    if "غد" not in text:
        return
    for hit in ctx.scan(TOMORROW, TOMORROW_ANCHOR, reach=20):
        word = hit.group("w").lstrip("وف")
        if PROVERB_AFTER.match(text, hit.end("w")) or LATER_OF_NOW_BEFORE.search(
            text, max(0, hit.start("w") - 16), hit.start("w")
        ):
            continue
        if _quoted_title(text, hit.start("w"), hit.end("w")):
            continue
        if "اليوم" in text[max(0, hit.start() - 14) : hit.start()] and (
            (three := ALWAYS_THREE_DAYS.search(text, max(0, hit.start() - 14), hit.end() + 12))
            and three.start() < hit.start()
            and hit.end() <= three.end()
        ):
            start = hit.start() if hit.group("pre") else hit.start("w")  # وبعد غد whole
            yield Candidate(start, hit.end(), v.vague_value("FUTURE"), "vague", 0.6)
            continue
        if "ضمن" in text[max(0, hit.start() - 70) : hit.start()] and (
            WHO_GUARANTEES_BEFORE.search(text, max(0, hit.start() - 70), hit.start())
        ):
            yield Candidate(hit.start("w"), hit.end("w"), v.vague_value("FUTURE"), "vague", 0.6)
            continue
        pre = (hit.group("pre") or "").strip()
        if pre[:1] in ("و", "ف") and not (
            pre in TOMORROW_DAY_WORDS or re.fullmatch(DAY_PREPOSITIONS, pre)
        ):
            pre = pre[1:]  # وصباح, فبعد: the clitic off; never فجر's ف nor في's
        tanween = ctx.original_has(hit.start("w"), hit.end("w"), "\u064b")
        if word == "غدا" and not (
            tanween
            or hit.group("wd")
            or (pre and not re.fullmatch(DAY_PREPOSITIONS, pre))
            or _tomorrow_in_context(ctx, hit)
        ):
            continue  # unvocalized غدا is as often the verb "became" (حتى غدا قبلة)
        # غد with its weekday (انطلاقته غد الأربعاء, اعتبارا من غد الأحد) names the day, with
        # no يوم before it (22 mentions of the corpus: 14 weekdays read as the last such
        # day moved to tomorrow's, 6 found, one span widened to take غد in; one more,
        # an old text under a later stamp, is wrong either way).
        named = word == "غد" and hit.group("wd") is not None
        if word in ("غد", "الغد") and not (pre or named or _between_commas(ctx, hit)):
            continue  # الغد alone is "the future" (شباب الغد)
        if word == "غد" and pre not in TOMORROW_DAY_WORDS and not named:
            continue
        offset = 2 if pre == "بعد" else 1
        start = hit.start() if pre in TOMORROW_DAY_WORDS else hit.start("w")
        yield _named_day(ctx, start, hit.end(), offset, hit.group("wd"), 0.85)


# غدا (السبت), بعد غد (الأحد): a weekday in brackets after tomorrow names that day (the
# coming Saturday), as غداً السبت does, not the Saturday before; after أمس (الثلاثاء)
# the last such weekday, even in a clause of what was planned (كان من المقرر).
DAY_WORD_BRACKET_BEFORE = rx(r"(?<!\w)(?:[وف]?(?P<after>بعد\s+)?غدا?|[وف]?(?:ب?ال)?امس)\s*\(\s*$")
BEFORE_LAST_AFTER = rx(r"\s+قبل\s+الماضي(?:ه)?(?!\w)")
# الجمعة والسبت المقبلين: two weekdays sharing one modifier, in the dual, after the last.
_DUAL_MODIFIERS = "المقبلين|القادمين|الماضيين|المنصرمين|الفائتين"
SHARED_MODIFIER_AFTER = rx(
    rf"(?:\s*[،,]?\s*و\s*(?:يوم\s+)?ال(?:{WEEKDAYS}))?\s+(?P<dm>{_DUAL_MODIFIERS})(?!\w)"
)
AFTER_NEXT_AFTER = rx(r"\s+بعد\s+(?:المقبل|القادم)(?:ه)?(?!\w)")
# السبت .. الحلقة الخامسة closing a part of a series: the day the next part comes out.
NEXT_PART_AFTER = rx(r"\s*(?:\.{2,}|…)\s*(?:ال)?حلقه(?!\w)")


def weekdays(ctx: Context) -> Iterator[Candidate]:
    """يوم الأحد الماضي, الجمعة المقبل, الخميس: resolved against the article's today."""
    text = ctx.text
    # No look for the weekdays' names first: the scan ends at once where its anchor,
    # whose literals they are, has no hit (found in the one pass for all anchors), where
    # a str search for each name cost 9 us a SaudiNewsNet article, 2% of its extraction.
    pair_first: tuple[date, int] | None = None  # the first of two sharing a modifier
    family: set[str] = set()  # weekdays the text has used as a family name (سعد الخميس)
    for hit in ctx.scan(WEEKDAY, WEEKDAY_ANCHOR, reach=16, stops=PHRASE_STOPS):
        # The hit's bounds and groups read once (a call each, several times over, cost
        # more than the rest of a dense text's weekday).
        begin, end = hit.span()
        name, modifier, pre = hit.group("wd", "mod", "pre")
        weekday = lx.WEEKDAYS[name]
        direction = direction_of(modifier)
        shared = None if direction else SHARED_MODIFIER_AFTER.match(text, end)
        if shared is not None:
            direction = "future" if shared.group("dm") in ("المقبلين", "القادمين") else "past"
        if not direction and NEXT_PART_AFTER.match(text, end):
            direction = "future"
        has_day_word = bool(pre)
        lo = begin - 40 if begin > 40 else 0
        if WEEKDAY_EXCEPT_BEFORE.search(text, lo, begin):
            continue
        if WEEKDAY_EVENT_BEFORE.search(text, begin - 10 if begin > 10 else 0, begin):
            continue
        if _in_schedule(text, begin, end, lo):
            continue
        if "هجره" in text[end : end + 90] and EARLY_HIJRA_DAY_AFTER.match(text, end):
            continue  # يوم السبت الخامس عشر من شوال سنة ثلاث من الهجرة: no day of ours
        if not (pre or modifier) and text.startswith("بال", begin + (text[begin] in "وف")):
            continue  # مركز الصناعية بالخميس (in Khamis Mushait), استبدل الخميس بالجمعة
        if (
            not (direction or pre)
            and text[begin - 8 if begin > 8 else 0 : begin].rstrip().endswith("(")
            and (day_word := DAY_WORD_BRACKET_BEFORE.search(text, lo, begin)) is not None
        ):
            if "غد" in day_word.group():
                offset = 2 if day_word.group("after") else 1
                yield _named_day(ctx, begin, end, offset, name, 0.7)
                continue
            if ctx.today is not None:
                # أمس (السبت): the last such weekday, never one ahead (كان من المقرر أن
                # يغادر مساء أمس (الأحد) is no coming Sunday).
                day = last_weekday(ctx.today, weekday, strict=False)
                yield Candidate(begin, end, v.day_value(day), "relative", 0.7, day=day)
                continue
        if not (has_day_word or direction) and GIVEN_NAME_BEFORE.search(
            text, begin - 14 if begin > 14 else 0, begin
        ):
            family.add(name)
            continue
        if not (has_day_word or direction or modifier) and name in family:
            continue  # محمد الخميس ... وتوقع الخميس: the bearer named again, no Thursday
        if not direction and (
            WEEKDAY_SET_BEFORE.search(text, lo, begin)
            or WEEKDAY_SET_AFTER.match(text, end)
            or ("ايام" in text[lo:begin] and BEST_DAYS_BEFORE.search(text, lo, begin))
        ):
            value = v.recurrence(f"XXXX-WXX-{weekday + 1}")
            after = WEEKDAY_SET_AFTER.match(text, end)
            # السبت من كل أسبوع is one SET; in a list, the last weekday takes the tail.
            if after and "ال" not in after.group(0).split("كل")[0]:
                end = after.end()
            yield Candidate(begin, end, value, "set", 0.7)
            continue
        before_last = None if direction else BEFORE_LAST_AFTER.match(text, end)
        after_next = None if direction else AFTER_NEXT_AFTER.match(text, end)
        if (
            weekday in lx.AMBIGUOUS_WEEKDAYS
            and not (has_day_word or direction or before_last or after_next)
            and not _weekday_in_context(ctx, hit, weekday)
        ):
            continue
        confidence = 0.8 if direction else (0.7 if has_day_word else 0.6)
        # سيعقد الاجتماع يوم الأحد: the coming Sunday, or today's if today is one.
        future_clause = not (direction or before_last or after_next) and bool(
            FUTURE_CLAUSE_BEFORE.search(text, begin - 80 if begin > 80 else 0, begin)
            or _future_aside(text, begin, end, has_day_word)
        )
        if future_clause:
            direction = "future"
        today = ctx.today
        if today is None:
            ref = {"future": "FUTURE"}.get(direction or "", "PAST")
            yield Candidate(begin, end, v.vague_value(ref), "relative", confidence * 0.8)
            continue
        if after_next:
            # الجمعة بعد المقبل: the one a week after the next
            day, end = next_weekday(today, weekday) + timedelta(weeks=1), after_next.end()
        elif direction == "future":
            day = next_weekday(today - timedelta(days=1 if future_clause else 0), weekday)
        else:
            day = last_weekday(today, weekday, strict=direction == "past" or bool(before_last))
            if before_last:
                # الجمعة قبل الماضية: the one a week before the last
                day, end = day - timedelta(weeks=1), before_last.end()
        if (
            pair_first is not None
            and shared is not None
            and begin - pair_first[1] < 8
            and day <= pair_first[0]
        ):
            # الأحد والاثنين المقبلين read on a Sunday: the Monday after that Sunday.
            day += timedelta(weeks=1)
        pair_first = (day, end) if shared is not None else None
        yield Candidate(begin, end, v.day_value(day), "relative", confidence, day=day)


def _future_aside(text: str, begin: int, end: int, day_word: bool = False) -> bool:
    """ومن مصر، سينتقل كيري، الإثنين، إلى الدوحة: a weekday set off by commas after the
    verb and subject of a clause about the future is that clause's, the coming one (the
    commas hid the clause from FUTURE_CLAUSE_BEFORE, which stops at a comma).  With يوم
    before it the weekday needs no comma after (ستعقد جولة جديدة من المحادثات، يوم
    الاثنين في جنيف: precision sample 107)."""
    comma = COMMA_BEFORE.search(text, begin - 4 if begin > 4 else 0, begin)
    if comma is None or not (day_word or COMMA_AFTER.match(text, end)):
        return False
    at = comma.start()
    return bool(FUTURE_CLAUSE_BEFORE.search(text, at - 80 if at > 80 else 0, at))


def _in_schedule(text: str, begin: int, end: int, lo: int) -> bool:
    """Whether the weekday at begin opens or closes a range of weekdays before a clock
    time (من الأحد إلى الخميس الساعة 7 مساء), or after daily hours (يوميا من 4 إلى 9
    مساءً، من السبت حتى الأربعاء)."""
    if (
        SCHEDULE_FROM_BEFORE.search(text, max(0, begin - 12), begin)
        and SCHEDULE_OPENING_AFTER.match(text, end)
        and SCHEDULE_HOURS_BEFORE.search(text, max(0, begin - 100), begin)
    ):
        return True
    opening = SCHEDULE_RANGE_BEFORE.search(text, lo, begin)
    if opening is not None and SCHEDULE_HOURS_BEFORE.search(
        text, max(0, opening.start() - 100), opening.start()
    ):
        return True  # the range's closing weekday, after the daily hours
    if "ساعه" not in text[end : end + 80]:
        return False
    if SCHEDULE_RANGE_AFTER.match(text, end):
        return True
    return bool(opening and SCHEDULE_CLOCK_AFTER.match(text, end))


def _weekday_in_context(ctx: Context, hit: re.Match[str], weekday: int) -> bool:
    """Whether a bare الأحد / الاثنين is the weekday, not "the one" / "the two"."""
    text, start, end = ctx.text, hit.start(), hit.end()
    if weekday == 6 and (
        NOT_A_WEEKDAY_AROUND.match(text, end) or ONE_BEFORE.search(text, max(0, start - 12), start)
    ):
        return False  # الأحد عشر (eleven), الواحد الأحد
    if weekday == 0 and TWO_BEFORE.search(text, max(0, start - 16), start):
        return False
    return bool(
        AMBIGUOUS_WEEKDAY_AFTER.match(text, end)
        or HAPPENING_BEFORE.search(text, max(0, start - 30), start)
        or PLACE_BEFORE.search(text, max(0, start - 30), start)
    )


def periods(ctx: Context) -> Iterator[Candidate]:
    """الأسبوع الماضي, الشهر المقبل, العام الجاري, هذا العام, مطلع العام."""
    text = ctx.text
    for hit in ctx.scan(PERIOD, PERIOD_ANCHOR, reach=20, stops=PHRASE_STOPS):
        unit = (hit.group("unit") or hit.group("unit1") or "").removeprefix("ال")
        mod = hit.group("mod")
        direction = (
            "current" if hit.group("this") else "past" if mod in PRIOR_WORDS else direction_of(mod)
        )
        step = {"past": -1, "future": 1}.get(direction or "", 0)
        if hit.group("before_last"):
            step = -2  # العام قبل الماضي: the year before last
        elif hit.group("after_next"):
            step = 2  # الأسبوع بعد المقبل: the week after next
        start = hit.start()
        if unit == "عام" and hit.group("mod") and _title(text, start, hit.group("mod")):
            continue
        if (
            unit == "شهر"
            and (holy := HOLY_EPITHET_AFTER.match(text, hit.end())) is not None
            and prophets_time(ctx, start, holy.end())
        ):
            continue  # في هذا الشهر الكريم كان فتح مكة: Ramadan in its history
        if not hit.group("this") and (edge := _edge_before(text, start)) is not None:
            start = edge
        if unit == "شهر" and (
            hit.group("mod") in PRIOR_WORDS
            or (direction == "past" and COMPARED_BEFORE.search(text, max(0, start - 12), start))
        ):
            named = PRIOR_MONTH_BEFORE.search(text, max(0, start - 200), start)
            if named is not None:
                yield _month_before(ctx, named, start, hit.end())
                continue
        if hit.group("mod") in PRIOR_WORDS and unit != "اسبوع":
            lo = max(0, start - 200)
            ends = [e.end() for e in SENTENCE_END.finditer(text, lo, start)]
            written = PRIOR_YEAR.findall(text, ends[-1] if ends else lo, start)
            if not written and unit != "شهر":
                written = _years_before_same_year(text, ends[-1] if ends else lo, start)
            if written and unit != "شهر":
                year = v.year_value(int(written[-1]) - 1)
                yield Candidate(start, hit.end(), year, "relative", 0.7)
                continue
            if unit != "شهر" and LAST_YEAR_BEFORE.search(text, lo, start):
                yield from _period(ctx, start, hit.end(), unit, -2)
                continue
        if hit.group("mod") in NEXT_WORDS and unit in ("عام", "سنه"):
            after = NEXT_YEAR_AFTER.match(text, hit.end())
            if after is not None:
                year = v.year_value(int(after.group("y")))
                yield Candidate(start, hit.end(), year, "relative", 0.7)
                continue
            lo = max(0, start - 200)
            ends = [e.end() for e in SENTENCE_END.finditer(text, lo, start)]
            written = STORY_YEAR.findall(text, ends[-1] if ends else lo, start)
            if not written:
                written = _years_before_same_year(text, ends[-1] if ends else lo, start)
            if written:
                year = v.year_value(int(written[-1]) + 1)
                yield Candidate(start, hit.end(), year, "relative", 0.7)
                continue
        yield from _period(ctx, start, hit.end(), unit, step)
    for at in ctx.starts_of(PERIOD_ANCHOR):
        if at < 4 or not text[at - 3].isspace() or text[at - 2 : at] != "ال":
            continue
        if (edge := _edge_before(text, at - 2)) is None:
            continue
        bare = BARE_PERIOD.match(text, at)
        if bare is not None:
            yield from _period(ctx, edge, bare.end(), bare.group("unit"), 0)


def _month_before(ctx: Context, named: re.Match[str], start: int, end: int) -> Candidate:
    """The month before the month named (the latest of that name by the anchor, or of the
    year written after it); a past reference with no anchor."""
    month = lx.GREGORIAN_MONTHS.get(" ".join(named.group("m").split()))
    anchor = ctx.anchor_day
    if month is None or (anchor is None and not named.group("y")):
        return Candidate(start, end, v.vague_value("PAST"), "relative", 0.6)
    if named.group("y"):
        year = int(named.group("y")[-4:])
    else:
        # The nearest month of that name, the past one at a tie (as a bare month is read).
        assert anchor is not None
        year = anchor.year + (month - anchor.month < -6) - (month - anchor.month >= 6)
    year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return Candidate(start, end, v.month_value(year, month), "relative", 0.7)


def _years_before_same_year(text: str, lo: int, start: int) -> list[str]:
    """The years written before an "العام نفسه" between lo and start, in its sentence
    or the one before it."""
    same = SAME_YEAR.search(text, lo, start)
    if same is None:
        return []
    back = max(0, same.start() - SAME_YEAR_REACH)
    ends = [e.end() for e in SENTENCE_END.finditer(text, back, same.start())]
    return PRIOR_YEAR.findall(text, ends[-2] if len(ends) > 1 else back, same.start())


def _title(text: str, start: int, modifier: str) -> bool:
    """Whether العام at start is the "general" of a title before it (المدير العام السابق)."""
    hit = TITLE_BEFORE.search(text, max(0, start - 12), start)
    if hit is None:
        return False
    return not hit.group().rstrip().endswith(PRESIDENT) or modifier in TITLE_MODIFIERS


def _period(ctx: Context, start: int, end: int, unit: str, step: int) -> Iterator[Candidate]:
    ref = ctx.today
    if ref is None:
        word = {-1: "PAST", 1: "FUTURE"}.get(step, "PRESENT")
        yield Candidate(start, end, v.vague_value(word), "relative", 0.6)
        return
    hijri = HIJRI_YEAR_AFTER.match(ctx.text, end) if unit in ("عام", "سنه") else None
    if hijri is not None:
        years = v.hijri_years_interval(int(hijri.group("y")), int(hijri.group("y")))
        if years is not None:
            yield Candidate(start, hijri.end(), years, "hijri", 0.85)
            return
    yield Candidate(start, end, _shifted_period(ref, unit, step), "relative", 0.85)


def _shifted_period(ref: date, unit: str, step: int) -> DateValue:
    if unit == "اسبوع":
        return v.week_value(ref + timedelta(weeks=step))
    if unit == "شهر":
        return v.month_value(*v.shift_months(ref.year, ref.month, step))
    return v.year_value(ref.year + step)


LITERARY_YEARS = "سنين"


def ago(ctx: Context) -> Iterator[Candidate]:
    """قبل 3 سنوات, منذ عامين, قبل أربعين عاما; منذ ثلاثة عقود is a duration."""
    text = ctx.text
    if "منذ" not in text and "قبل" not in text:
        return
    for hit in ctx.scan(AGO, AGO_ANCHOR, reach=1):
        unit, implied = lx.UNIT_FORMS[hit.group("unit")]
        if hit.group("num"):
            amount: int | None = int(hit.group("num"))
        elif hit.group("word"):
            amount = lx.CARDINALS[re.sub(r"\s+", " ", hit.group("word"))]
        else:
            amount = implied
        if amount is None or amount == 0:
            continue  # منذ سنوات: left to the vague rule
        if not hit.group("tail") and EVENT_AFTER.match(text, hit.end()):
            continue  # قبل يومين من الانتخابات: counted from an event, not from today
        if not (hit.group("num") or hit.group("word")) and NAMED_AFTER.match(text, hit.end()):
            continue  # منذ شهر يناير, منذ عام 2010: since a named month or year
        counted = hit.group("num") or hit.group("word") or hit.group("tail")
        if implied == 1 and not counted and AGO_CONSTRUCT_AFTER.match(text, hit.end()):
            continue  # قبل أسبوع العودة: the week of another event
        confidence = 0.65 if hit.group("approx") else 0.8
        value: DateValue | None
        if unit == "DEC" and implied == 1 and HELD_AFTER.match(text, hit.end()):
            continue
        if unit == "DEC" and hit.group("dir").lstrip("وف") == "قبل" and ctx.today is not None:
            # قبل عقد من الآن, قبل عقدين: a decade ago, the year ten years back (as قبل
            # عشر سنوات); منذ عقدين stays a length ("for two decades").
            value = _ago_value(ctx.today, "Y", 10 * amount)
            if value is not None:
                yield Candidate(hit.start(), hit.end(), value, "relative", confidence * 0.9)
            continue
        if unit == "CEN":
            # قبل أربعة عشر قرنا, قبل ثلاثة قرون, قبل قرن ونصف: the century that far
            # back (TIMEX3's two leading digits: 06, 17, 18); منذ قرنين stays a length,
            # as a decade's does.
            half = None if hit.group("tail") else HALF_AFTER.match(text, hit.end())
            years = 100 * amount + (50 if half else 0)
            end = half.end() if half else hit.end()
            first = ctx.today.year - years if ctx.today is not None else 0
            if hit.group("dir").lstrip("وف") == "قبل" and first >= 100:
                value = v.century_value(first - first % 100)
                yield Candidate(hit.start(), end, value, "relative", confidence * 0.9)
            else:
                yield Candidate(
                    hit.start(), end, v.duration_value(years, "Y"), "duration", confidence
                )
            continue
        if unit == "DEC":
            value = v.duration_value(10 * amount, "Y")
            yield Candidate(hit.start(), hit.end(), value, "duration", confidence)
            continue
        # منذ سبع سنين: the literary plural, written in stories retold and classics
        # quoted, whose now is not the article's: the time since (P7Y), no year.
        if hit.group("dir").lstrip("وف") == "منذ" and (
            hit.group("unit") == LITERARY_YEARS
            or FIRST_SINCE_BEFORE.search(text, max(0, hit.start() - 30), hit.start())
        ):
            value = v.duration(_length(unit, amount))
            yield Candidate(hit.start(), hit.end(), value, "duration", confidence)
            continue
        if ctx.today is None:
            yield Candidate(hit.start(), hit.end(), v.vague_value("PAST"), "relative", 0.5)
            continue
        end = hit.end()
        half = (
            UNIT_HALF_AFTER.match(text, end)
            if unit in ("Y", "M", "W")
            and not hit.group("tail")
            and hit.group("dir").lstrip("وف") == "قبل"
            else None
        )
        if half is not None and EVENT_AFTER.match(text, half.end()):
            continue  # قبل شهرين ونصف من الاقتراع: counted from the event, a length
        if half is not None:
            # قبل ثمانية أعوام ونصف العام, قبل عام ونصف: a count and a half back, the
            # month (week) that far back, not a length (the half was left to durations).
            value = _ago_and_a_half(ctx.today, unit, amount)
            end = half.end()
        else:
            value = _ago_value(ctx.today, unit, amount)
        if value is not None:
            yield Candidate(hit.start(), end, value, "relative", confidence)


# قبل عامين ونصف, قبل ثمانية أعوام ونصف العام, قبل شهر ونصف: a count of years, months or
# weeks and a half (precision sample 105).  After قبل only: منذ عام ونصف in a clause
# that denies (لم يراجعه محام منذ عام ونصف) is a length in the TimeML dev set's gold.
UNIT_HALF_AFTER = rx(r"\s+و\s*نصف(?:\s+(?:ال)?(?:عام|سنه|شهر|اسبوع))?(?!\w)")


def _ago_and_a_half(ref: date, unit: str, amount: int) -> DateValue | None:
    """The month (of years or months) or the week that far back, with the half."""
    try:
        if unit == "W":
            return v.week_value(ref - timedelta(days=7 * amount + 3))
        if unit == "M":
            back = ref - timedelta(days=15)
            return v.month_value(*v.shift_months(back.year, back.month, -amount))
        if amount >= ref.year:
            return None
        return v.month_value(*v.shift_months(ref.year, ref.month, -(12 * amount + 6)))
    except (OverflowError, ValueError):
        return None


# تعود هذه الصورة إلى 43 عاماً مضت, يعود تاريخ المبنى ل50 عاما مضت: a count of units
# gone by after إلى / لـ is the time that far back, as قبل 43 عاماً is; after خلال or
# على مدى (the years over which something ran) it stays a length.  Three digits at most,
# as for قبل: إلى 1436 عاما مضت counts Hijri years back to the Prophet's time.
GONE_BY = rx(
    r"(?<!\w)[وف]?(?:الي\s+|ل\s*)(?P<approx>(?:ما\s+يقارب|ما\s+يقرب\s+من|نحو|حوالي|قرابه)\s+)?"
    rf"(?P<count>(?:(?P<num>\d{{1,3}})\s*|(?P<word>{CARDINAL})\s+)"
    rf"(?P<unit>{lx.alternation(lx.UNIT_FORMS)}))\s+مضت{END}"
)


def gone_by(ctx: Context) -> Iterator[Candidate]:
    """إلى 43 عاماً مضت, لخمسين عاما مضت, إلى ثلاثة عقود مضت: that far back from today."""
    if "مضت" not in ctx.text or ctx.today is None:
        return
    for hit in ctx.scan(GONE_BY, GONE_BY_ANCHOR, before=70, reach=70):
        unit, _ = lx.UNIT_FORMS[hit.group("unit")]
        if hit.group("num"):
            amount = int(hit.group("num"))
        else:
            amount = lx.CARDINALS[re.sub(r"\s+", " ", hit.group("word"))]
        if unit == "DEC":
            unit, amount = "Y", 10 * amount
        if unit == "CEN" or not amount:
            continue
        value = _ago_value(ctx.today, unit, amount)
        if value is not None:
            confidence = 0.65 if hit.group("approx") else 0.8
            yield Candidate(hit.start("count"), hit.end(), value, "relative", confidence)


def _ago_value(ref: date, unit: str, amount: int) -> DateValue | None:
    try:
        if unit == "D":
            return v.day_value(ref - timedelta(days=amount))
        if unit == "W":
            return v.week_value(ref - timedelta(weeks=amount))
        if unit == "M":
            return v.month_value(*v.shift_months(ref.year, ref.month, -amount))
        return v.year_value(ref.year - amount) if amount < ref.year else None
    except (OverflowError, ValueError):
        return None


# Adverbs and phrases of present, recent and coming time.  الآن folds like the name
# آلان (Alain), so its original spelling is checked.
# في وقت لاحق ("later") is left out: in a past story it is later than that story's
# events, not the future.
REF_ANCHOR = Anchor(
    r"حاليا|مؤخرا|قريبا|الان(?!\w)|وقت\s+(?:الراهن|الحالي|الحاضر|نفسه|ذاته|سابق)"
    r"|الاونه|المستقبل\s+القريب|فتره\s+(?:الماضيه|الاخيره|الحاليه|الراهنه|المقبله|القادمه)"
    r"|السابق(?!\w)|الماضي(?!\w)|الايام(?!\w)"  # في السابق, في الماضي, هذه الأيام
    r"|مستقبلا|سابقا|اللحظه",  # مستقبلاً, سابقاً, حتى اللحظة
    [
        "مستقبلا",
        "سابقا",
        "اللحظه",
        "حاليا",
        "مؤخرا",
        "قريبا",
        "الان",
        "وقت",
        "الاونه",
        "المستقبل",
        "فتره",
        "السابق",
        "الماضي",
        "الايام",
    ],
)
REF = rx(
    rf"{START}(?:(?P<until>[وف]?حتي\s+)?(?P<now>[وف]?الان){END}"
    rf"|[وف]?(?P<adv>حاليا|مؤخرا|قريبا|مستقبلا|سابقا){END}"
    r"|(?:[وف]?[بل](?=ال))?(?P<phrase>(?:ال)?وقت\s+(?:الراهن|الحالي|الحاضر|نفسه|ذاته)|الاونه\s+الاخيره"
    r"|وقت\s+سابق|المستقبل\s+القريب"
    r"|الفتره\s+(?:الماضيه|الاخيره|الحاليه|الراهنه|المقبله|القادمه)|هذه\s+الايام"
    r"|(?<!\w)[وف]?حتي\s+(?:هذه\s+)?اللحظه|هذه\s+اللحظه|اللحظه\s+الراهنه)(?!\w)"
    r"|[وف]?في\s+(?P<past>السابق|الماضي)(?!\w))"
)
REF_VALUES = {
    strip_marks(word): direction
    for word, direction in {
    "حاليا": "PRESENT", "مؤخرا": "PAST", "قريبا": "FUTURE", "الاونه الاخيره": "PAST",
    "وقت سابق": "PAST", "المستقبل القريب": "FUTURE", "الفتره الماضيه": "PAST",
    "الفتره الاخيره": "PAST", "الفتره المقبله": "FUTURE", "الفتره القادمه": "FUTURE",
    "هذه الايام": "PRESENT", "مستقبلا": "FUTURE", "سابقا": "PAST",
    }.items()
}  # fmt: skip


# أكثر خطورة من أي وقت سابق: "than ever", every time gone by and none to place (as
# أي وقت مضى, 78 times in the corpus, is found as nothing).
ANY_BEFORE = rx(r"(?<!\w)اي\s+$")
# بعد الآن: "any more" (لن يكون هناك تسامح بعد الآن) or "from now on", in all 15 of
# the corpus's; never a time to place.
AFTER_BEFORE = rx(r"(?<!\w)بعد\s+$")
# (قريباً/بعيداً) من أيدي الأطباء: near to or far from, a pair of places in brackets;
# قريبا منا, قريباً منهم: near us, near them (a pronoun on من), never "soon".
NEAR_AFTER = rx(
    r"\s*/\s*بعيدا\s*\)?\s*(?:من|عن)\s|\)?\s+(?:جدا\s+)?من(?:\s|(?:ا|ي|ه|ها|هم|هما|هن|ك|كم|نا)(?!\w))"
)
# بات قريبا, أصبح قريباً: "close", an adjective after a verb of becoming, not "soon".
COPULA_BEFORE = rx(
    r"(?<!\w)[وف]?(?:باتت?|اصبحت?|صارت?|اضحي|اضحت|بدا|بدت|يبدو|تبدو|ليست?|[يت]?صبح|[يت]ظل|ظلت?)\s+$"
)
# مستقبلا جميلا, لها مستقبلا: the noun "a future", with its adjective or owner;
# مستقبلاً أفضل, مستقبلاً أكثر إشراقاً: with a comparative, which takes no tanween.
NOUN_AFTER = rx(r"\s+(?:\w{1,40}ا|افضل|اجمل|احسن|اكثر|ارحب|اوسع)(?!\w)")
# عبدالحكيم العمار مستقبلا عبدالكريم الوابلي, ولي العهد مستقبلا وزير الدفاع: receiving
# (a participle, in a photo's caption) before the guest's name or title, not "in future".
RECEIVING_AFTER = rx(
    r"\s+(?:عبد|وزير|سفير|السفير|الامير|سمو|صاحب|معالي|سعاده|فضيله|الشيخ|وفد|وفدا|ضيوف)"
)
FOR_BEFORE = rx(r"(?<!\w)ل(?:ه|ها|هم|هما|نا|ك|كم)\s+$")
# هذه اللحظة التاريخية, كيف وصل إلى هذه اللحظة الكارثية, وكانت هذه اللحظة السعيدة: the
# moment with its adjective is one the text describes (a past act, an event of the story),
# not the present; after في (في ظل) it stays the present (في هذه اللحظة الصعبة من تاريخه),
# and so before التي / الذي or الراهنة / الحالية.
DESCRIBED_MOMENT_AFTER = rx(r"\s+ال(?!تي|ذي|راهنه|حاليه)\w{3,40}")
AT_MOMENT_BEFORE = rx(r"(?<!\w)[وف]?في\s+(?:ظل\s+)?$")
# منشأ فرادة هذه اللحظة, كان ينتظر هذه اللحظة بشغف, ليس وليد هذه اللحظة: after a noun or
# a verb (a word that is no preposition) the moment is one the text tells of, not the
# present; after a preposition (في, حتى, من, منذ, إلى), a conjunction or a pause it is,
# and after a verb of seizing it (دعوني أنتهز هذه اللحظة لأعبر: the speaker's now).
WORD_BEFORE_MOMENT = rx(r"(?<!\w)(?P<w>\w{1,40})\s+$")
SEIZING = rx(r"[وف]?(?:ل?[اينت])?(?:نتهز|غتنم)\w{0,3}")
MOMENT_PREPOSITIONS = frozenset(
    ("في", "حتي", "من", "منذ", "الي", "خلال", "علي", "ظل", "قبل", "بعد", "عند", "مع", "و", "ف")
)
# العام الحالي 1436: the current Hijri year, named by its number.
HIJRI_YEAR_AFTER = rx(r"\s+(?P<y>1[34]\d\d)(?![\d/])(?!\s*/)(?:\s*(?:هـ|ه)(?!\w))?")


def present_and_recent(ctx: Context) -> Iterator[Candidate]:
    """حالياً, الآن, حتى الآن, مؤخراً, في الوقت الراهن, في وقت سابق: REF values."""
    for hit in ctx.scan(REF, REF_ANCHOR, 12, 24):
        if hit.group("now"):
            lo, _ = ctx.original_span(hit.start("now"), hit.end("now"))
            word = ctx.folded.original[lo : lo + 5].lstrip("وف")
            if word.startswith("آ"):
                continue  # آلان: a name
            if word.startswith("ألان") and not hit.group("until"):
                continue  # ألان بوند, أخرجه ألان تيلور: Alan or Alain, not الآن (12 of 12)
            if not hit.group("until") and AFTER_BEFORE.search(
                ctx.text, max(0, hit.start() - 5), hit.start()
            ):
                continue  # لم يعد بإمكاني التأثير بعد الآن: "any more", no time
            start = hit.start() if hit.group("until") else hit.start("now")
            yield Candidate(start, hit.end(), v.vague_value("PRESENT"), "vague", 0.7)
            continue
        if hit.group("past"):
            # في السابق, في الماضي: "in the past", the preposition outside the span.
            yield Candidate(hit.start("past"), hit.end(), v.vague_value("PAST"), "vague", 0.6)
            continue
        if hit.group("adv") == "قريبا" and NEAR_AFTER.match(ctx.text, hit.end()):
            continue  # قريباً من المحافظة, قريبا من 51 دولارا: "near", not "soon"
        if hit.group("adv") == "قريبا" and COPULA_BEFORE.search(
            ctx.text, max(0, hit.start() - 10), hit.start()
        ):
            continue  # بات قريبا: "close", not "soon"
        if hit.group("adv") == "مستقبلا" and (
            NOUN_AFTER.match(ctx.text, hit.end())
            or FOR_BEFORE.search(ctx.text, max(0, hit.start() - 8), hit.start())
            or RECEIVING_AFTER.match(ctx.text, hit.end())
        ):
            continue  # له مستقبلاً كبيراً: "a great future", the noun; مستقبلا وفدا: receiving
        key = re.sub(r"\s+", " ", hit.group("adv") or hit.group("phrase"))
        if (
            key == "هذه اللحظه"
            and DESCRIBED_MOMENT_AFTER.match(ctx.text, hit.end())
            and not AT_MOMENT_BEFORE.search(ctx.text, max(0, hit.start() - 10), hit.start())
        ):
            continue  # قبل هذه اللحظة التاريخية: the moment the story tells, not now
        if (
            key == "هذه اللحظه"
            and (told := WORD_BEFORE_MOMENT.search(ctx.text, max(0, hit.start() - 42), hit.start()))
            and (w := told.group("w")) not in MOMENT_PREPOSITIONS
            and not (w[0] in "وف" and w[1:] in MOMENT_PREPOSITIONS)
            and not SEIZING.fullmatch(w)
        ):
            continue  # فرادة هذه اللحظة, ينتظر هذه اللحظة: the moment the text tells of
        if key == "وقت سابق" and ANY_BEFORE.search(ctx.text, max(0, hit.start() - 6), hit.start()):
            continue  # من أي وقت سابق: than ever, no time
        direction = REF_VALUES.get(key, "PRESENT")
        yield Candidate(hit.start(), hit.end(), v.vague_value(direction), "vague", 0.65)


def _length(unit: str, amount: int | None) -> str:
    """The TIMEX3 duration of amount units ('P5Y', 'PTXH'; X when the count is unknown)."""
    count = "X" if amount is None else str(amount)
    if unit in ("H", "MIN"):
        return f"PT{count}{unit[0]}"
    if unit == "DE":
        return "PXDE" if amount is None else f"P{amount * 10}Y"
    return f"P{count}{unit}"


def vague(ctx: Context) -> Iterator[Candidate]:
    """منذ سنوات, السنوات الأخيرة, الأشهر المقبلة, قادم الأيام: PAST_REF / FUTURE_REF."""
    for hit in ctx.scan(VAGUE, VAGUE_ANCHOR, reach=16):
        if ctx.text[hit.start() - 1 : hit.start()] in ("«", '"', "“") and ctx.text[
            hit.end() : hit.end() + 1
        ] in ("»", '"', "”"):
            continue  # «الساعات الأخيرة»: a title
        mod = hit.group("mod")
        if hit.group("dual"):
            # اليومين الماضيين: the two days up to now, a length (P2D).
            unit, _ = lx.DURATION_UNITS[hit.group("dual")]
            value = v.duration_value(20, "Y") if unit == "DE" else v.duration_value(2, unit)
            yield Candidate(hit.start(), hit.end(), value, "duration", 0.7)
            continue
        if hit.group("night"):
            # الليلة الماضية: last night, the night before the article's day.
            if ctx.today is not None:
                day = (_reported_today(ctx, hit.start()) or ctx.today) - timedelta(days=1)
                night = v.day_value(day)
                value = DateValue(f"{night.value}TNI", "day", night.start, None)
                yield Candidate(hit.start(), hit.end(), value, "relative", 0.7, day=day)
            else:
                yield Candidate(hit.start(), hit.end(), v.vague_value("PAST"), "vague", 0.5)
            continue
        count = hit.group("n") or hit.group("nw")
        start = hit.start()
        if (
            hit.group("plural2")
            and not count
            and (before := COUNT_BEFORE.search(ctx.text, max(0, start - 16), start))
        ):
            count, start = before.group("n"), before.start()
        if mod == "الاخيره" and not count and LAST_OF_AFTER.match(ctx.text, hit.end()):
            continue  # the last days of Ramadan, before the feast: not recent ones
        if hit.group("plural2") and (count or mod in lx.PAST_WORDS or hit.group("few")):
            # الأيام الماضية (PXD), السنوات الخمس المقبلة (P5Y), الساعات القليلة المقبلة
            # (PTXH): a length up to or from now.
            unit, _ = lx.DURATION_UNITS[hit.group("plural2")]
            amount = None
            if count:
                amount = int(count) if count.isdigit() else lx.CARDINALS.get(count)
            yield Candidate(start, hit.end(), v.duration(_length(unit, amount)), "duration", 0.6)
            continue
        if (
            hit.group("plural")
            and "قبل" in hit.group("since")
            and VAGUE_EVENT_AFTER.match(ctx.text, hit.end())
        ):
            # قبل ساعات من انطلاق المباراة, قبل أيام من الانتخابات: counted back from the
            # event, not from today; the length, قبل outside its span, as قبل يومين من
            # الانتخابات (a vague count: PTXH).  لحظات and قرون have no such length here.
            unit, _ = lx.DURATION_UNITS.get(hit.group("plural"), ("", None))
            if unit and unit != "CE":
                length = v.duration(_length(unit, None))
                yield Candidate(hit.start("plural"), hit.end(), length, "duration", 0.6)
            continue
        future = bool(hit.group("coming")) or (mod is not None and mod in lx.FUTURE_WORDS)
        value = v.vague_value("FUTURE" if future else "PAST")
        yield Candidate(hit.start(), hit.end(), value, "vague", 0.6)


# The feasts: أول أيام عيد الفطر, ثالث أيام العيد, عيد الأضحى المقبل, يوم العيد.  A feast
# named alone is an occasion (greetings, a holiday's name), not a date; a day of it (أول
# أيام, يوم), a modifier (الماضي, المقبل) or a word of time before its name (خلال عيد
# الفطر, FEAST_TIME_BEFORE) makes it one.  يوم العيد الوطني is another day.
EID_ANCHOR = Anchor("عيد", ("عيد",))
EID = rx(
    rf"{START}(?:(?P<ord>اول|ثاني|ثالث|رابع)\s+(?:ايام|يوم)\s+|(?P<day>يوم)\s+)?"
    r"(?:عيد\s+(?P<feast>الفطر|الاضحي)(?:\s+المبارك)?|(?P<bare>العيد))"
    rf"(?:\s+(?P<mod>{PAST}|{FUTURE}))?{END}"
)
OTHER_FEAST_AFTER = rx(r"\s+ال\w{1,40}ي(?!\w)")  # an adjective of ال...ي (not الي, to)
EID_DAYS = {"الفطر": (10, 1), "الاضحي": (12, 10)}  # 1 Shawwal, 10 Dhu al-Hijjah
EID_ORDINALS = {"اول": 0, "ثاني": 1, "ثالث": 2, "رابع": 3}


def _feast_day(anchor: date, feasts: list[tuple[int, int]], direction: str | None) -> date | None:
    """The feast's first day nearest the anchor, or the latest before / first after it."""
    today = v.gregorian_to_hijri(anchor)
    if today is None:
        return None
    days = sorted(
        d
        for year in (today[0] - 1, today[0], today[0] + 1)
        for month, day in feasts
        if (d := v.hijri_to_gregorian(year, month, day)) is not None
    )
    if direction == "past":
        before = [d for d in days if d <= anchor]
        return before[-1] if before else None
    if direction == "future":
        after = [d for d in days if d > anchor]
        return after[0] if after else None
    return min(days, key=lambda d: abs((d - anchor).days), default=None)


EID_MODIFIERS = tuple(strip_marks(w) for w in ("الماضي", "المقبل", "القادم", "المنصرم", "الفائت"))
# خلال أيام عيد الفطر, في عيد الأضحى, بعد عيد الفطر: a feast named by its name after a
# word of time is the time of the feast nearest the anchor, as شهر رمضان after one is
# that month (a recall audit's misses: 211 mentions more in the corpus's 31,030 articles,
# 42 of 45 read right; what is left is every year's feast, as in a saying).  Its days
# (أيام) are the feast's days: three of al-Fitr, four of al-Adha.
# Not قبل / بعد / منذ with أيام: استقبلنا قبل أيام عيد الفطر is "days ago".
FEAST_TIME_BEFORE = rx(
    r"(?<!\w)[وف]?(?:(?:في|خلال|طوال|طيله|اثناء|حتي)\s+(?:(?P<days>ايام)\s+)?"
    r"|(?:قبل|بعد|منذ)\s+)$"
)
FEAST_DAYS = {"الفطر": 3, "الاضحي": 4}
# عيد الفطر العام الماضي, في عيد الفطر لهذا العام, خلال عيد الفطر لعام 2015: the
# feast of the year that follows it, read by that year's own rule.
FEAST_YEAR_AFTER = rx(r"\s+(?:من\s+)?[لب]?(?:ال)?(?:عام|سنه|هذا\s+العام)(?!\w)")


def _feast_cue(text: str, at: int) -> bool:
    before = text[at - 12 if at >= 12 else 0 : at]
    return (
        "ايام" in before
        or "يوم" in before
        or any(w in text[at : at + 24] for w in EID_MODIFIERS)
        or FEAST_TIME_BEFORE.search(text, at - 12 if at >= 12 else 0, at) is not None
    )


def _feast_named(ctx: Context, hit: re.Match[str], anchor: date) -> Candidate | None:
    """خلال أيام عيد الفطر, في عيد الأضحى: the nearest such feast (its days after أيام),
    when a word of time names it and neither a year nor a habit follows or goes before."""
    text, start, end = ctx.text, hit.start(), hit.end()
    lo = start - 16 if start > 16 else 0
    cue = FEAST_TIME_BEFORE.search(text, lo, start)
    if cue is None or FEAST_YEAR_AFTER.match(text, end):
        return None
    if EVERY_YEAR_AFTER.match(text, end):
        return None  # عيد الفطر من كل عام: every year's
    if HABITUAL_BEFORE.search(text, max(0, start - 80), start):
        return None  # ترتفع الأسعار في أيام عيد الفطر: what every feast brings, as Ramadan
    feast = hit.group("feast")
    first = _feast_day(anchor, [EID_DAYS[feast]], None)
    if first is None:
        return None
    if cue.group("days"):
        last = first + timedelta(days=FEAST_DAYS[feast] - 1)
        return Candidate(cue.start("days"), end, v.days_interval(first, last), "range", 0.6)
    return Candidate(start, end, v.day_value(first), "relative", 0.6, day=first)


def feasts(ctx: Context) -> Iterator[Candidate]:
    """أول أيام عيد الفطر المبارك, ثالث أيام العيد, عيد الفطر الماضي: the feast's day."""
    if ctx.anchor_day is None:
        return
    text = ctx.text
    # Only a feast's name with a day or a word of time before it or a modifier after it
    # can be a date.
    if not any(_feast_cue(text, at) for at in ctx.starts_of(EID_ANCHOR)):
        return
    for hit in ctx.scan(EID, EID_ANCHOR, 16, 24):
        mod, ordinal, day_of = hit.group("mod", "ord", "day")
        feast = hit.group("feast")
        if not (mod or ordinal or day_of):
            if feast is not None and (named := _feast_named(ctx, hit, ctx.anchor_day)):
                yield named
            continue
        direction = None
        if mod:
            direction = "past" if mod in lx.PAST_WORDS else "future"
        elif day_of and not ordinal:
            # يوم العيد alone is as often the feast day in general (what it is like, a
            # poem, advice) as one feast: only in a clause told in the past is it the
            # last one (اختفت صباح يوم العيد); يوم عيد الفطر names the feast, and a past
            # clause makes it the last one too.
            start = hit.start()
            past = PAST_CLAUSE_BEFORE.search(text, start - 80 if start > 80 else 0, start)
            if not feast and (past is None or OTHER_FEAST_AFTER.match(text, hit.end())):
                continue  # (يوم العيد الوطني: a national day)
            if past is not None:
                direction = "past"
        options = [EID_DAYS[feast]] if feast else list(EID_DAYS.values())
        first = _feast_day(ctx.anchor_day, options, direction)
        if first is None:
            continue
        day = first + timedelta(days=EID_ORDINALS.get(ordinal or "اول", 0))
        yield Candidate(hit.start(), hit.end(), v.day_value(day), "relative", 0.7, day=day)
