"""The Arabic translation of the interface, kept as a table and written into the .ts file.

Run after `pyside6-lupdate` has refreshed resources/translations/timeline_ar.ts:
    .venv/bin/python scripts/translations_ar.py && .venv/bin/pyside6-lrelease \
        resources/translations/timeline_ar.ts
(`make translations` does both.)  A test checks that every source string has one.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "translations" / "timeline_ar.ts"

ARABIC: dict[str, str] = {
    "News Timeline": "الخط الزمني للأخبار",
    "Upgrading the library for this version of the program…": "تحديث المكتبة لهذا الإصدار من البرنامج…",
    "Version {version}": "الإصدار {version}",
    "An Arabic-first timeline of news articles and the dates they mention.": "خط زمني للمقالات الإخبارية وللتواريخ التي تذكرها، بالعربية أولاً.",
    "Includes the Noto Sans and Noto Sans Arabic fonts, licensed under the SIL Open Font License 1.1.": "يتضمن خطَّي Noto Sans وNoto Sans Arabic المرخّصين برخصة SIL Open Font License 1.1.",
    "Qt {qt} (PySide6 {pyside})": "Qt {qt} ‏(PySide6 {pyside})",
    "About News Timeline": "عن الخط الزمني للأخبار",
    "Events in this article": "الأحداث في هذه المقالة",
    "Select an article to read it here.": "اختر مقالة لقراءتها هنا.",
    "As written: %1": "كما كُتب: %1",
    "Published: %1": "تاريخ النشر: %1",
    "Publication date could not be read": "تعذّرت قراءة تاريخ النشر",
    "Source: %1": "المصدر: %1",
    "Other sources": "مصادر أخرى",
    "Other tags": "وسوم أخرى",
    "%1: %2 article(s) without a title, each named by its first line": "%1: %2 مقالة بلا عنوان، سُمّيت كلٌّ منها بسطرها الأول",
    "%1: %2 article(s) already had a note of their own, kept instead of the file's": "%1: %2 مقالة لها ملاحظة في المكتبة أُبقيت بدل ملاحظة الملف",
    "%1: %2 of your values in it (events added by hand, corrected dates) were left out: their dates or places no longer read": "%1: أُهمل %2 من قيمك فيه (أحداث مضافة يدويًا، تواريخ مصحّحة): لم تعد تواريخها أو مواضعها تُقرأ",
    "A tag's name cannot hold ; or ؛ (they separate tags in exports).": "لا يحوي اسم الوسم ; ولا ؛ (تفصلان بين الوسوم في الملفات المصدَّرة).",
    "Author: %1": "الكاتب: %1",
    "Caption: %1": "التعليق على الصورة: %1",
    "Link: %1": "الرابط: %1",
    "published": "نُشر",
    "mentioned": "ذُكر",
    "duration": "مدة",
    "vague": "غير محدد",
    "Articles": "المقالات",
    "Timeline": "الخط الزمني",
    "&File": "&ملف",
    "The library could not be opened:\n%1": "تعذّر فتح المكتبة:\n%1",
    "An import of a large file holds the library alone until it has finished.": (
        "يُمسك استيرادُ ملفٍّ كبير المكتبةَ وحده حتى ينتهي."
    ),
    "&Try again": "أعد ال&محاولة",
    # The store's messages (timeline/ui/store_messages.py); %1 is the library's path.
    "no database at %1": "لا توجد مكتبة في %1",
    "%1 is not a database file (a folder, a device or a pipe)": "%1 ليس ملف قاعدة بيانات (بل مجلد أو جهاز أو أنبوب)",
    "cannot make %1: its folder %2 is not writable": "تعذّر إنشاء %1: لا يمكن الكتابة في مجلده %2",
    "cannot open %1: %2": "تعذّر فتح %1: %2",
    "%1 is locked by another program writing it (an import, or a database tool holding it); try again when it is done": (
        "%1 مقفلة لأن برنامجًا آخر يكتب فيها (استيراد، أو أداة قواعد بيانات تمسكها)؛ أعد المحاولة حين ينتهي"
    ),
    "%1 is not a usable timeline database (corrupt or not SQLite): %2": "%1 ليست قاعدة بيانات صالحة للخط الزمني (تالفة أو ليست SQLite):‏ %2",
    "%1: the disk is full; what was being written was not stored (free some space and try again)": (
        "%1: القرص ممتلئ؛ لم يُحفظ ما كان يُكتب (أفرغ بعض المساحة وأعد المحاولة)"
    ),
    "%1 is an SQLite database, but not a timeline store": "%1 قاعدة بيانات SQLite، لكنها ليست مكتبة للخط الزمني",
    "%1 needs an upgrade to this version's schema, but it is read-only: %2": "%1 تحتاج إلى تحديث لبنية هذا الإصدار، لكنها للقراءة فقط: %2",
    "%1 was written by a newer version of this program (schema %2; this one knows up to %3). Upgrade the program to open it; nothing was changed.": (
        "%1 كتبها إصدار أحدث من هذا البرنامج (البنية %2؛ وهذا الإصدار يعرف حتى %3). حدّث البرنامج لفتحها؛ لم يُغيَّر شيء."
    ),
    "%1 is damaged (%2); nothing was written to it. Repair copies what can be read into a new library beside it (the damaged file is left as it is).": (
        "%1 تالفة (%2)؛ لم يُكتب فيها شيء. يَنسخ الإصلاح ما يمكن قراءته إلى مكتبة جديدة بجانبها (ويبقى الملف التالف كما هو)."
    ),
    "%1 is open read-only: %2": "%1 مفتوحة للقراءة فقط: %2",
    "opened read-only on request": "فُتحت للقراءة فقط بطلب",
    "its folder %1 is not writable (SQLite writes its -wal and -shm files beside the database); copy it to a writable folder to change it": (
        "لا يمكن الكتابة في مجلدها %1 (يكتب SQLite ملفَّي ‎-wal‎ و‎-shm‎ بجانب قاعدة البيانات)؛ انسخها إلى مجلد قابل للكتابة لتعديلها"
    ),
    "the file is not writable": "لا يمكن الكتابة في الملف",
    "Copying what can still be read…": "جارٍ نسخ ما يمكن قراءته…",
    "Repairing the library": "إصلاح المكتبة",
    "The library could not be repaired:\n%1": "تعذّر إصلاح المكتبة:\n%1",
    "What could be read was copied into a new library:\n%1\n%2": "نُسخ ما أمكن قراءته إلى مكتبة جديدة:\n%1\n%2",
    "%1 articles copied; %2 rows could not be read.": "نُسخت %1 مقالة؛ وتعذّرت قراءة %2 صف.",
    "Open it": "افتحها",
    "Repair copies what can still be read into a new library beside it; the damaged file is left as it is.": (
        "يَنسخ الإصلاح ما يمكن قراءته إلى مكتبة جديدة بجانبها، ويبقى الملف التالف كما هو."
    ),
    "Repair…": "إصلاح…",
    "%1 — News Timeline": "الخط الزمني للأخبار — %1",
    "%1 (read-only) — News Timeline": "الخط الزمني للأخبار — %1 (للقراءة فقط)",
    "&Import files…": "&استيراد ملفات…",
    "Import &folder…": "استيراد &مجلد…",
    "Import &web addresses…": "استيراد &عناوين ويب…",
    "Import web addresses": "استيراد عناوين ويب",
    "This library has no articles yet.\n\nImport files (Ctrl+O), a folder (Ctrl+Shift+O) or web addresses from the File menu, or drop files on this window.": (
        "لا مقالات في هذه المكتبة بعد.\n\nاستورد ملفات (\u2066Ctrl+O\u2069) أو مجلدًا"
        " (\u2066Ctrl+Shift+O\u2069) أو عناوين ويب من قائمة ملف، أو أفلت الملفات على هذه النافذة."
    ),
    "&New library…": "مكتبة &جديدة…",
    "Open &library…": "&فتح مكتبة…",
    "Recen&t libraries": "مكتبات &حديثة",
    "No other library opened yet": "لم تُفتح مكتبة أخرى بعد",
    "Open a library": "فتح مكتبة",
    "New library": "مكتبة جديدة",
    "library.db": "مكتبة.db",
    "Libraries": "المكتبات",
    "That library is the one open here": "هذه المكتبة هي المفتوحة هنا",
    "its folder does not exist": "مجلدها غير موجود",
    "its folder cannot be written: a new library cannot be made there": "لا يمكن الكتابة في مجلدها: لا يمكن إنشاء مكتبة جديدة هناك",
    "it is not a file": "ليس ملفًا",
    "it cannot be read": "تتعذّر قراءته",
    "it is not an SQLite database": "ليس قاعدة بيانات SQLite",
    "it is another program's database (it has no articles)": "قاعدة بيانات لبرنامج آخر (لا مقالات فيها)",
    "This file cannot be opened as a library:\n%1\n%2": "لا يمكن فتح هذا الملف مكتبةً:\n%1\n%2",
    "The program could not be started again: %1": "تعذّر تشغيل البرنامج مرة أخرى: %1",
    "Opening %1 in a new window": "جارٍ فتح %1 في نافذة جديدة",
    "Addresses of article pages or feeds (http or https), one per line:": (
        "عناوين صفحات المقالات أو الخلاصات (\u2066http\u2069 أو \u2066https\u2069)، عنوان في كل سطر:"
    ),
    "&Recompute dates…": "إعادة &قراءة التواريخ…",
    "The dates are being read again: import when that ends": "تُقرأ التواريخ من جديد: استورد حين ينتهي ذلك",
    "an import is writing the store: try again when it ends": "يجري استيراد يكتب في المخزن: أعد المحاولة حين ينتهي",
    "the dates are being read again: try again when that ends": "تُقرأ التواريخ من جديد: أعد المحاولة حين ينتهي ذلك",
    "Read every article's dates again with this version's rules": "قراءة تواريخ كل المقالات من جديد بقواعد هذا الإصدار",
    "Recompute dates": "إعادة قراءة التواريخ",
    "Not started: %1": "لم تبدأ: %1",
    "Read every article's dates and events again with this version's rules? Your corrections are kept. It writes the whole store at once: cancelled, nothing is changed.": "هل تُقرأ تواريخ كل المقالات وأحداثها من جديد بقواعد هذا الإصدار؟ تبقى تصحيحاتك كما هي. تُكتب في المخزن كله دفعة واحدة: إن أُلغيت لا يتغير شيء.",
    "Reading the dates again…": "جارٍ قراءة التواريخ من جديد…",
    "Recompute cancelled: nothing was changed": "أُلغيت إعادة القراءة: لم يتغير شيء",
    "The dates were not read again; nothing was changed: %1": "لم تُقرأ التواريخ من جديد، ولم يتغير شيء: %1",
    "&Quit": "&خروج",
    "&View": "&عرض",
    "&Search…": "&بحث…",
    "Article &list": "&قائمة المقالات",
    "&Help": "م&ساعدة",
    "&About": "&عن البرنامج",
    "&Timeline": "ال&خط الزمني",
    "Article te&xt": "&نص المقالة",
    "&Fit all": "عرض ال&كل",
    "Fit the &publication days": "عرض &أيام النشر",
    "through other copies": "عبر نسخ أخرى",
    "This article shares little text with the one shown: it is in the story because it copies another copy (a roundup that reports both, say).": "تشترك هذه المقالة في القليل من النص مع المقالة المعروضة: هي في الخبر لأنها تنسخ نسخة أخرى (كتقرير جامع يروي الخبرين).",
    "Show the days the articles were published in, as the window opens (Home)": "عرض الأيام التي نُشرت فيها المقالات، كما تُفتح النافذة (Home)",
    "Zoom &in": "تكبي&ر",
    "Zoom &out": "ت&صغير",
    "&Go to date…": "&الانتقال إلى تاريخ…",
    "&Settings": "الإعدا&دات",
    "Arabic &month names": "أسماء ال&شهور",
    "Levantine (\u2067كانون الثاني، شباط…\u2069)": "الشامية (كانون الثاني، شباط…)",
    "Egyptian and Gulf (\u2067يناير، فبراير…\u2069)": "المصرية والخليجية (يناير، فبراير…)",
    "Maghrebi (\u2067جانفي، فيفري…\u2069)": "المغاربية (جانفي، فيفري…)",
    "&Digits": "الأ&رقام",
    "Western (2021)": "غربية (2021)",
    "Arabic-Indic (٢٠٢١)": "هندية (٢٠٢١)",
    "Time di&rection": "ا&تجاه الزمن",
    "As the interface language": "حسب لغة الواجهة",
    "Left to right": "من اليسار إلى اليمين",
    "Right to left": "من اليمين إلى اليسار",
    "&Hijri dates under the axis": "التواريخ ال&هجرية تحت المحور",
    "Go to date": "الانتقال إلى تاريخ",
    "Date (for example 1973-10-06, \u2067٦ أكتوبر ١٩٧٣\u2069 or \u206710 رمضان 1393 هـ\u2069):": "التاريخ (مثلاً ٦ أكتوبر ١٩٧٣ أو 10 رمضان 1393 هـ أو 1973-10-06):",
    "Not a date I can read: %1": "لا أستطيع قراءة هذا التاريخ: %1",
    "%1 articles, %2 events": "المقالات: %1، الأحداث: %2",
    "Timeline not loaded: %1": "لم يُحمَّل الخط الزمني: %1",
    "Import articles": "استيراد مقالات",
    "All files": "كل الملفات",
    "Import a folder of articles": "استيراد مجلد مقالات",
    "Importing…": "جارٍ الاستيراد…",
    "Cancel": "إلغاء",
    "Importing %1": "جارٍ استيراد %1",
    "%1 added, %2 already stored, %3 failed files": "أضيفت: %1، موجودة من قبل: %2، ملفات تعذّر استيرادها: %3",
    "%1: skipped %2 record(s) that are not articles: %3": "%1: تُخطّي %2 من السجلات ليست مقالات: %3",
    "%1: %2 article(s) without a readable date": "%1: %2 من المقالات بلا تاريخ مقروء",
    "%1: %2 byte(s) were not valid %3 and were stored as U+FFFD": "%1: %2 من البايتات لم تكن %3 صالحًا وخُزّنت بالرمز U+FFFD",
    "%1: no articles in it": "%1: لا مقالات فيه",
    "%1: not in a format this program reads": "%1: ليس بصيغة يقرؤها البرنامج",
    "%1 records skipped": "سجلات متخطّاة: %1",
    "%1 without a readable date": "بلا تاريخ مقروء: %1",
    "%1 files with no articles": "ملفات بلا مقالات: %1",
    "%1 files not read": "ملفات لم تُقرأ: %1",
    "Import": "الاستيراد",
    "Import failed": "تعذّر الاستيراد",
    'Search articles: words, "a phrase", prefix*, -exclude, OR': 'ابحث في المقالات: كلمات، "عبارة"، بادئة*، -استبعاد، OR',
    'Spelling variants match: \u2067ايار\u2069 finds \u2067أيّار\u2069, ٢٠٢١ finds 2021.\nWords must all occur; "quotes" keep a phrase; word* is a prefix;\n-word excludes a word; OR gives alternatives.': 'تتطابق صيغ الكتابة: ايار تجد أيّار، و٢٠٢١ تجد 2021.\nيجب أن ترد الكلمات كلها؛ "علامتا التنصيص" تحفظان العبارة؛ كلمة* بادئة؛\n-كلمة تستبعد الكلمة؛ OR للبدائل.',
    "All sources": "كل المصادر",
    "S&ource:": "الم&صدر:",
    "&Dates": "التوا&ريخ",
    "First day": "اليوم الأول",
    "Last day": "اليوم الأخير",
    "to": "إلى",
    "Published or mentioned": "منشورة أو مذكورة",
    "Published": "تاريخ النشر",
    "Mentioned": "تاريخ مذكور",
    "Which dates of an article the range applies to": "أي تواريخ المقالة يشملها النطاق",
    "Range": "فترة",
    "%1 events in view: zoom in to see them one by one": "%1 حدثاً في العرض: كبّر لرؤيتها واحداً واحداً",
    "and %1 longer ranges spanning the whole view": "و%1 فترة أطول تغطي العرض كله",
    "+%1": "+%1",
    # --- timeline
    "%1 events in view are not in the lanes shown: click to list them"
    " (Up and Down, or Shift and the wheel, scroll the lanes)": "%1 حدثاً في العرض ليست في المسارات الظاهرة:"
    " انقر لعرض قائمتها (السهمان للأعلى وللأسفل، أو Shift مع العجلة، يمرّران المسارات)",
    "%1 more: zoom in to reach them": "%1 غيرها: كبّر للوصول إليها",
    "%1 events": "%1 حدثاً",
    "%1 match the search": "%1 منها تطابق البحث",
    "%1 more": "%1 غيرها",
    "%1 events in view have no room in a lane: zoom in to see them": "%1 حدثاً في العرض لا مكان لها في المسارات: كبّر لرؤيتها",
    # --- window
    "No article matches %1.": "لا توجد مقالة تطابق %1.",
    "recurring": "متكرر",
    "from %1": "من المصدر %1",
    "dated %1 to %2": "بتواريخ من %1 إلى %2",
    "published %1 to %2": "منشورة من %1 إلى %2",
    "mentioning %1 to %2": "تذكر تواريخ من %1 إلى %2",
    ", ": "، ",
    "Importing articles": "استيراد المقالات",
    "“%1”": "«%1»",
    # --- search
    "No results. Did you mean: %1?": "لا نتائج. هل تقصد: %1؟",
    # --- untrusted text
    "An import is running: wait for it to finish or cancel it": "يجري استيراد الآن: انتظر انتهاءه أو ألغِه",
    "Import cancelled": "أُلغي الاستيراد",
    "The article store cannot be read: %1": "تتعذّر قراءة مخزن المقالات: %1",
    # --- edits
    "Undo": "تراجع",
    "Redo": "إعادة",
    "&Edit": "&تحرير",
    "Correct publication &date…": "تصحيح &تاريخ النشر…",
    "Correct &title…": "تصحيح ال&عنوان…",
    "Correct &source…": "تصحيح الم&صدر…",
    "&Add event to this article…": "إ&ضافة حدث إلى هذه المقالة…",
    "Add a standalone &event…": "إضافة حدث م&ستقل…",
    "&Hide this article": "إ&خفاء هذه المقالة",
    "Ta&g this article…": "&وسم هذه المقالة…",
    "&Note…": "&ملاحظة…",
    "Show &hidden items": "إظهار العناصر المخ&فية",
    "Nothing is hidden": "لا شيء مخفي",
    "Show all": "إظهار الكل",
    "Correct the date…": "تصحيح التاريخ…",
    "Not a date": "ليس تاريخاً",
    "Use the computed date": "استخدام التاريخ المحسوب",
    "Remove this event": "حذف هذا الحدث",
    "Hide this event": "إخفاء هذا الحدث",
    "Tag this event…": "وسم هذا الحدث…",
    "Correct the date": "تصحيح التاريخ",
    "Correct a date": "تصحيح تاريخ",
    "Correct publication date": "تصحيح تاريخ النشر",
    "Correct title": "تصحيح العنوان",
    "Correct source": "تصحيح المصدر",
    "Add an event": "إضافة حدث",
    "Remove an event": "حذف حدث",
    "Hide an article": "إخفاء مقالة",
    "Hide an event": "إخفاء حدث",
    "Show hidden items": "إظهار العناصر المخفية",
    "Tag": "وسم",
    "Tag (a new name makes a new tag):": "الوسم (اسم جديد ينشئ وسماً جديداً):",
    "Tag an article": "وسم مقالة",
    "Tag an event": "وسم حدث",
    "Note": "ملاحظة",
    "Note on this article:": "ملاحظة على هذه المقالة:",
    "for example \u206710 شوال 1442 هـ\u2069, 1950-1953, 22 May 2021": "مثلاً 10 شوال 1442 هـ، 1950-1953، 22 May 2021",
    "(not understood)": "(لم يُفهم)",
    "(not a date)": "(ليس تاريخاً)",
    "Date": "التاريخ",
    "Understood as": "فُهم على أنه",
    "Label": "الوصف",
    "Title": "العنوان",
    "Source": "المصدر",
    "Publication date": "تاريخ النشر",
    "%1 corrected: %2  ·  computed: %3": "%1 مصحَّح: %2  ·  المحسوب: %3",
    "Hidden from the timeline": "مخفية من الخط الزمني",
    "Tags: %1": "الوسوم: %1",
    "Note: %1": "ملاحظة: %1",
    "A correction of “%1” no longer finds its text (kept)": "تصحيح «%1» لم يعد يجد نصه (محفوظ)",
    "not a date": "ليس تاريخاً",
    "computed": "محسوب",
    "corrected": "مصحَّح",
    "added": "مضاف",
    "computed: %1": "المحسوب: %1",
    "hidden": "مخفي",
    "Legend": "دليل الألوان",
    "By kind": "حسب النوع",
    "By tag": "حسب الوسم",
    "By source": "حسب المصدر",
    "Reading the sources…": "جارٍ قراءة المصادر…",
    "&Colour events": "&تلوين الأحداث",
    # --- input formats
    "Summary from the feed (the feed did not carry the full text)": "ملخص من الموجز (لم يحمل الموجز النص الكامل)",
    "Captured by a web crawl: %1 (not the publication date)": "التقطه زحف الويب: %1 (ليس تاريخ النشر)",
    # --- export
    "&Export…": "&تصدير…",
    "&Print…": "&طباعة…",
    "Export": "تصدير",
    "TimelineJS (JSON)": "TimelineJS ‏(JSON)",
    "The Timeline Project (.timeline)": "برنامج The Timeline Project ‏(.timeline)",
    "Articles as CSV": "المقالات بصيغة CSV",
    "Articles as JSON Lines": "المقالات بصيغة JSON Lines",
    "Events as CSV": "الأحداث بصيغة CSV",
    "Events as JSON Lines": "الأحداث بصيغة JSON Lines",
    "Image (PNG)": "صورة (PNG)",
    "Image (SVG)": "صورة (SVG)",
    "Document (PDF)": "مستند (PDF)",
    "Exports what the window shows: the articles the search finds, "
    "and their events in the visible stretch of time.": "يصدّر ما تعرضه النافذة: المقالات التي يجدها البحث،"
    " وأحداثها في الفترة الظاهرة من الزمن.",
    "&Format:": "ال&صيغة:",
    "&Width:": "ال&عرض:",
    "&Height:": "الا&رتفاع:",
    "&Scale (PNG):": "الم&قياس (PNG):",
    "An export is already being written": "يجري الآن كتابة تصدير آخر",
    "Exported %1 to %2": "صُدّر %1 إلى %2",
    "Printing is not available in this build": "الطباعة غير متاحة في هذه النسخة من البرنامج",
    # --- stories
    "No related articles": "لا مقالات ذات صلة",
    "Copies": "النسخ",
    "Related": "ذات صلة",
    "Events": "الأحداث",
    "No copies of this story": "لا نسخ أخرى لهذا الخبر",
    "first": "الأولى",
    "this article": "هذه المقالة",
    "Shares these rare words with this article: %1\nScore %2: more rare words shared and closer dates score higher. Double-click to open.": "تشترك مع هذه المقالة في هذه الكلمات النادرة: %1\nالدرجة %2: تعلو كلما زادت الكلمات النادرة المشتركة وتقاربت التواريخ. انقر مرتين لفتحها.",
    "undated": "بلا تاريخ",
    "Click to see the words that differ; double-click to open": "انقر لعرض الكلمات المختلفة، وانقر مرتين للفتح",
    "%1: %2 word(s) in common; marked: words only that copy has": "%1: %2 كلمة مشتركة؛ المظلَّل: كلمات لا توجد إلا في تلك النسخة",
    "Show &each story once": "اعرض كل خبر &مرة واحدة",
    "List a story reprinted by several outlets once, as its earliest copy": "اعرض الخبر الذي أعادت نشره عدة وسائل مرة واحدة، بأقدم نسخة منه",
    # --- hidden items and edit failures
    "&Unhide": "إ&ظهار ما أُخفي",
    "Not saved: %1": "لم يُحفظ: %1",
    # --- reading an article
    "The article could not be read: %1": "تعذّرت قراءة المقال: %1",
    "Reading the article…": "جارٍ قراءة المقال…",
    # --- the timeline before its events come
    "%1 events in view; reading them one by one…": "%1 حدثاً في العرض؛ جارٍ قراءتها واحداً واحداً…",
    # --- Qt's own dialogs, where its Arabic catalogue has no word (timeline/ui/qt_strings.py)
    "&Look in:": "ا&عثر في:",
    "Files of &type:": "الملفّات من ال&نّوع:",
    "Drive": "قرص",
    "Folder": "مجلّد",
    "Pages": "صفحات",
    "Page &Set:": "مجموعة ال&صفحات:",
    "Double Sided Printing": "الطباعة على الوجهين",
    "Off": "بلا",
    "Long side binding": "التجليد من الجانب الطويل",
    "Short side binding": "التجليد من الجانب القصير",
    "Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.": (
        "حدّد صفحات أو مجالات تفصل بينها فواصل؛ المجال رقمان بينهما شَرطة. مثلاً 3,5-7,9 تطبع الصفحات 3 و5 و6 و7 و9."
    ),
}

# Arabic has six plural forms in Qt: zero, one, two, few (3-10), many (11-99), other.
ARABIC_PLURALS: dict[str, list[str]] = {
    "%Ln result(s)": [
        "لا نتائج",
        "نتيجة واحدة",
        "نتيجتان",
        "%Ln نتائج",
        "%Ln نتيجة",
        "%Ln نتيجة",
    ],
    # --- window
    "%n article(s)": [
        "لا مقالات",
        "مقالة واحدة",
        "مقالتان",
        "%n مقالات",
        "%n مقالة",
        "%n مقالة",
    ],
    "%n line(s) left out: not a web address (http or https). The first: %1": [
        "أُهمل 0 سطر: ليس عنوان ويب (\u2066http\u2069 أو \u2066https\u2069). أولها: %1",
        "أُهمل سطر واحد: ليس عنوان ويب (\u2066http\u2069 أو \u2066https\u2069). وهو: %1",
        "أُهمل سطران: ليسا عنواني ويب (\u2066http\u2069 أو \u2066https\u2069). أولهما: %1",
        "أُهملت %n أسطر: ليست عناوين ويب (\u2066http\u2069 أو \u2066https\u2069). أولها: %1",
        "أُهمل %n سطرًا: ليست عناوين ويب (\u2066http\u2069 أو \u2066https\u2069). أولها: %1",
        "أُهمل %n سطر: ليست عناوين ويب (\u2066http\u2069 أو \u2066https\u2069). أولها: %1",
    ],
    "%1 of %n article(s)": [
        "%1 من أصل 0 مقالة",
        "%1 من أصل مقالة واحدة",
        "%1 من أصل مقالتين",
        "%1 من أصل %n مقالات",
        "%1 من أصل %n مقالة",
        "%1 من أصل %n مقالة",
    ],
    "%n event(s) on the timeline": [
        "لا أحداث على الخط الزمني",
        "حدث واحد على الخط الزمني",
        "حدثان على الخط الزمني",
        "%n أحداث على الخط الزمني",
        "%n حدثًا على الخط الزمني",
        "%n حدث على الخط الزمني",
    ],
    # --- stories
    "%n copies": [
        "لا نسخ",
        "نسخة واحدة",
        "نسختان",
        "%n نسخ",
        "%n نسخة",
        "%n نسخة",
    ],
    "The dates of %n article(s) were read again": [
        "لم تُقرأ تواريخ أي مقالة",
        "قُرئ تاريخ مقالة واحدة من جديد",
        "قُرئت تواريخ مقالتين من جديد",
        "قُرئت تواريخ %n مقالات من جديد",
        "قُرئت تواريخ %n مقالة من جديد",
        "قُرئت تواريخ %n مقالة من جديد",
    ],
    "… and %n more (timeline stories lists them all)": [
        "…",
        "… ونسخة أخرى (يسردها كلها الأمر \u2066timeline stories\u2069)",
        "… ونسختان أخريان (يسردها كلها الأمر \u2066timeline stories\u2069)",
        "… و%n نسخ أخرى (يسردها كلها الأمر \u2066timeline stories\u2069)",
        "… و%n نسخة أخرى (يسردها كلها الأمر \u2066timeline stories\u2069)",
        "… و%n نسخة أخرى (يسردها كلها الأمر \u2066timeline stories\u2069)",
    ],
    "Copies (%n)": ["النسخ (%n)"] * 6,
    "Related (%n)": ["ذات صلة (%n)"] * 6,
    "Events (%n)": ["الأحداث (%n)"] * 6,
    "Copies of this story: %n": [
        "نسخ هذا الخبر: لا شيء",
        "نسخ هذا الخبر: واحدة",
        "نسخ هذا الخبر: اثنتان",
        "نسخ هذا الخبر: %n",
        "نسخ هذا الخبر: %n",
        "نسخ هذا الخبر: %n",
    ],
    "%n undated article(s) left out: this format places every article on its date": [
        "لا مقالات غير مؤرخة مستبعدة: هذه الصيغة تضع كل مقالة على تاريخها",
        "استُبعدت مقالة واحدة غير مؤرخة: هذه الصيغة تضع كل مقالة على تاريخها",
        "استُبعدت مقالتان غير مؤرختين: هذه الصيغة تضع كل مقالة على تاريخها",
        "استُبعدت %n مقالات غير مؤرخة: هذه الصيغة تضع كل مقالة على تاريخها",
        "استُبعدت %n مقالة غير مؤرخة: هذه الصيغة تضع كل مقالة على تاريخها",
        "استُبعدت %n مقالة غير مؤرخة: هذه الصيغة تضع كل مقالة على تاريخها",
    ],
    "%n only through other copies": [
        "لا شيء عبر نسخ أخرى فقط",
        "واحدة عبر نسخ أخرى فقط",
        "اثنتان عبر نسخ أخرى فقط",
        "%n عبر نسخ أخرى فقط",
        "%n عبر نسخ أخرى فقط",
        "%n عبر نسخ أخرى فقط",
    ],
    "%n more hidden": [
        "لا شيء آخر مخفي",
        "وعنصر آخر مخفي",
        "وعنصران آخران مخفيان",
        "و%n عناصر أخرى مخفية",
        "و%n عنصرًا آخر مخفيًا",
        "و%n عنصر آخر مخفي",
    ],
    "%n sources with fewer events, in one colour": [
        "لا مصادر أخرى",
        "مصدر واحد أقل أحداثًا، بلون واحد",
        "مصدران أقل أحداثًا، بلون واحد",
        "%n مصادر أقل أحداثًا، بلون واحد",
        "%n مصدرًا أقل أحداثًا، بلون واحد",
        "%n مصدر أقل أحداثًا، بلون واحد",
    ],
    "%n tags with fewer events, in one colour": [
        "لا وسوم أخرى",
        "وسم واحد أقل أحداثًا، بلون واحد",
        "وسمان أقل أحداثًا، بلون واحد",
        "%n وسوم أقل أحداثًا، بلون واحد",
        "%n وسمًا أقل أحداثًا، بلون واحد",
        "%n وسم أقل أحداثًا، بلون واحد",
    ],
}


def fill(ts: Path = TS) -> list[str]:
    """Write the table into the .ts file; returns the source strings left untranslated."""
    tree = ET.parse(ts)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        if message.get("numerus") == "yes" and source in ARABIC_PLURALS:
            for form in ARABIC_PLURALS[source]:
                ET.SubElement(translation, "numerusform").text = form
        elif source in ARABIC:
            translation.text = ARABIC[source]
        else:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    left = fill()
    for source in left:
        print(f"untranslated: {source!r}", file=sys.stderr)
    sys.exit(1 if left else 0)
