<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>About</name>
    <message>
        <location filename="../../timeline/ui/about.py" line="44" />
        <source>News Timeline</source>
        <translation>الخط الزمني للأخبار</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/about.py" line="46" />
        <source>Version {version}</source>
        <translation>الإصدار {version}</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/about.py" line="49" />
        <source>An Arabic-first timeline of news articles and the dates they mention.</source>
        <translation>خط زمني للمقالات الإخبارية وللتواريخ التي تذكرها، بالعربية أولاً.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/about.py" line="55" />
        <source>Includes the Noto Sans and Noto Sans Arabic fonts, licensed under the SIL Open Font License 1.1.</source>
        <translation>يتضمن خطَّي Noto Sans وNoto Sans Arabic المرخّصين برخصة SIL Open Font License 1.1.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/about.py" line="61" />
        <source>Qt {qt} (PySide6 {pyside})</source>
        <translation>Qt {qt} ‏(PySide6 {pyside})</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/about.py" line="72" />
        <source>About News Timeline</source>
        <translation>عن الخط الزمني للأخبار</translation>
    </message>
</context>
<context>
    <name>ArticleDelegate</name>
    <message>
        <location filename="../../timeline/ui/article_delegate.py" line="116" />
        <source>Hidden</source>
        <translation>مخفية</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../timeline/ui/article_model.py" line="576" />
        <source>Hidden</source>
        <translation>مخفية</translation>
    </message>
</context>
<context>
    <name>ColourLegend</name>
    <message>
        <location filename="../../timeline/ui/colour_legend.py" line="51" />
        <source>Legend</source>
        <translation>دليل الألوان</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/colour_legend.py" line="69" />
        <source>By kind</source>
        <translation>حسب النوع</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/colour_legend.py" line="70" />
        <source>By tag</source>
        <translation>حسب الوسم</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/colour_legend.py" line="71" />
        <source>By source</source>
        <translation>حسب المصدر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/colour_legend.py" line="165" />
        <source>Other tags</source>
        <translation>وسوم أخرى</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/colour_legend.py" line="174" />
        <source>Other sources</source>
        <translation>مصادر أخرى</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/colour_legend.py" line="210" />
        <source>Reading the sources…</source>
        <translation>جارٍ قراءة المصادر…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/colour_legend.py" line="217" />
        <source>No tags yet: Tag this article…, in the Edit menu, makes one</source>
        <translation>لا وسوم بعد: يصنع «وسم هذه المقالة…» في قائمة «تحرير» وسمًا</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/colour_legend.py" line="229" />
        <source>%n tags with fewer events, in one colour</source>
        <translation><numerusform>لا وسوم أخرى</numerusform><numerusform>وسم واحد أقل أحداثًا، بلون واحد</numerusform><numerusform>وسمان أقل أحداثًا، بلون واحد</numerusform><numerusform>%n وسوم أقل أحداثًا، بلون واحد</numerusform><numerusform>%n وسمًا أقل أحداثًا، بلون واحد</numerusform><numerusform>%n وسم أقل أحداثًا، بلون واحد</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/colour_legend.py" line="232" />
        <source>%n sources with fewer events, in one colour</source>
        <translation><numerusform>لا مصادر أخرى</numerusform><numerusform>مصدر واحد أقل أحداثًا، بلون واحد</numerusform><numerusform>مصدران أقل أحداثًا، بلون واحد</numerusform><numerusform>%n مصادر أقل أحداثًا، بلون واحد</numerusform><numerusform>%n مصدرًا أقل أحداثًا، بلون واحد</numerusform><numerusform>%n مصدر أقل أحداثًا، بلون واحد</numerusform></translation>
    </message>
</context>
<context>
    <name>DateDialog</name>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="119" />
        <source>for example 10 Shawwal 1442 AH, 1950-1953, 22 May 2021</source>
        <translation>مثلاً 10 شوال 1442 هـ، ⁦1950-1953⁩، 22 مايو 2021</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="129" />
        <source>Not a date</source>
        <translation>ليس تاريخاً</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="137" />
        <source>Date:</source>
        <translation>التاريخ:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="138" />
        <source>Understood as:</source>
        <translation>فُهم على أنه:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="140" />
        <source>Label:</source>
        <translation>الوصف:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="155" />
        <source>(not understood)</source>
        <translation>(لم يُفهم)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="160" />
        <source>not understood; %1</source>
        <translation>لم يُفهم؛ %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="171" />
        <source>(not a date)</source>
        <translation>(ليس تاريخاً)</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="464" />
        <source>Article text</source>
        <translation>نص المقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="478" />
        <source>Events in this article</source>
        <translation>الأحداث في هذه المقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="508" />
        <location filename="../../timeline/ui/detail_pane.py" line="741" />
        <source>Select an article to read it here.</source>
        <translation>اختر مقالة لقراءتها هنا.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/detail_pane.py" line="541" />
        <source>Events (%n)</source>
        <translation><numerusform>الأحداث (%n)</numerusform><numerusform>الأحداث (%n)</numerusform><numerusform>الأحداث (%n)</numerusform><numerusform>الأحداث (%n)</numerusform><numerusform>الأحداث (%n)</numerusform><numerusform>الأحداث (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="541" />
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="554" />
        <source>This library has no articles yet.

Import files (Ctrl+O), a folder (Ctrl+Shift+O), web addresses or the clipboard (Ctrl+Shift+V) from the File menu, or drop files on this window.</source>
        <translation>لا مقالات في هذه المكتبة بعد.

استورد ملفات (⁦Ctrl+O⁩) أو مجلدًا (⁦Ctrl+Shift+O⁩) أو عناوين ويب أو الحافظة (⁦Ctrl+Shift+V⁩) من قائمة ملف، أو أفلت الملفات على هذه النافذة.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="564" />
        <source>No article matches %1.</source>
        <translation>لا توجد مقالة تطابق %1.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="696" />
        <source>The article could not be read: %1</source>
        <translation>تعذّرت قراءة المقال: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="707" />
        <source>Reading the article…</source>
        <translation>جارٍ قراءة المقال…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="837" />
        <source>As written: %1</source>
        <translation>كما كُتب: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="840" />
        <source>Published: %1</source>
        <translation>تاريخ النشر: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="848" />
        <source>Publication date could not be read</source>
        <translation>تعذّرت قراءة تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="850" />
        <source>Source: %1</source>
        <translation>المصدر: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="851" />
        <source>Author: %1</source>
        <translation>الكاتب: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="852" />
        <source>Caption: %1</source>
        <translation>التعليق على الصورة: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="857" />
        <source>Link: %1</source>
        <translation>الرابط: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="859" />
        <source>Imported from: %1</source>
        <translation>استُورد من: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="863" />
        <source>Summary from the feed (the feed did not carry the full text)</source>
        <translation>ملخص من الموجز (لم يحمل الموجز النص الكامل)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="869" />
        <source>Text recognized by OCR in a scan or a picture: check it against the file</source>
        <translation>نص تُعرّف عليه ضوئيًا في صفحة ممسوحة أو صورة: راجعه على الملف</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="875" />
        <source>Captured by a web crawl: %1 (not the publication date)</source>
        <translation>التقطه زحف الويب: %1 (ليس تاريخ النشر)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="901" />
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="902" />
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="903" />
        <source>Publication date</source>
        <translation>تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="911" />
        <source>%1 corrected: %2  ·  computed: %3</source>
        <translation>%1 مصحَّح: %2  ·  المحسوب: %3</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="918" />
        <source>Hidden from the timeline</source>
        <translation>مخفية من الخط الزمني</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="920" />
        <location filename="../../timeline/ui/detail_pane.py" line="971" />
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="921" />
        <source>Tags: %1</source>
        <translation>الوسوم: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="923" />
        <source>Note: %1</source>
        <translation>ملاحظة: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="927" />
        <source>A correction of “%1” no longer finds its text (kept)</source>
        <translation>تصحيح «%1» لم يعد يجد نصه (محفوظ)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="935" />
        <location filename="../../timeline/ui/detail_pane.py" line="952" />
        <source>not a date</source>
        <translation>ليس تاريخاً</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="950" />
        <source>computed</source>
        <translation>محسوب</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="951" />
        <source>corrected</source>
        <translation>مصحَّح</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="953" />
        <source>added</source>
        <translation>مضاف</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="967" />
        <source>computed: %1</source>
        <translation>المحسوب: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="969" />
        <source>hidden</source>
        <translation>مخفي</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="1079" />
        <source>published</source>
        <translation>نُشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="1080" />
        <source>mentioned</source>
        <translation>ذُكر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="1081" />
        <source>duration</source>
        <translation>مدة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="1083" />
        <source>vague</source>
        <translation>غير محدد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="1082" />
        <source>recurring</source>
        <translation>متكرر</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="167" />
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="169" />
        <source>TimelineJS (JSON)</source>
        <translation>TimelineJS ‏(JSON)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="170" />
        <source>The Timeline Project (.timeline: no tags, notes or your events)</source>
        <translation>برنامج The Timeline Project ‏(⁦.timeline⁩: دون الوسوم والملاحظات وأحداثك)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="171" />
        <source>Articles as CSV</source>
        <translation>المقالات بصيغة CSV</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="172" />
        <source>Articles as JSON Lines</source>
        <translation>المقالات بصيغة JSON Lines</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="173" />
        <source>Events as CSV</source>
        <translation>الأحداث بصيغة CSV</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="174" />
        <source>Events as JSON Lines</source>
        <translation>الأحداث بصيغة JSON Lines</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="175" />
        <source>Articles as an Excel workbook</source>
        <translation>المقالات في مصنف Excel</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="176" />
        <source>Events as an Excel workbook</source>
        <translation>الأحداث في مصنف Excel</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="177" />
        <source>Chronology to read or print (HTML)</source>
        <translation>تسلسل زمني للقراءة أو الطباعة (HTML)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="178" />
        <source>Image (PNG)</source>
        <translation>صورة (PNG)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="179" />
        <source>Image (SVG)</source>
        <translation>صورة (SVG)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="180" />
        <source>Document (PDF)</source>
        <translation>مستند (PDF)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="184" />
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="200" />
        <source>Exports what the window shows: the articles the search finds, and their events in the visible stretch of time.</source>
        <translation>يصدّر ما تعرضه النافذة: المقالات التي يجدها البحث، وأحداثها في الفترة الظاهرة من الزمن.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="209" />
        <source>Each story is shown once here, but the file holds every copy of it.</source>
        <translation>يُعرض هنا كل خبر مرة واحدة، لكن الملف يحوي كل نسخه.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="222" />
        <source>&amp;Format:</source>
        <translation>ال&amp;صيغة:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="223" />
        <source>&amp;Width:</source>
        <translation>ال&amp;عرض:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="224" />
        <source>&amp;Height:</source>
        <translation>الا&amp;رتفاع:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="225" />
        <source>&amp;Scale (PNG):</source>
        <translation>الم&amp;قياس (PNG):</translation>
    </message>
</context>
<context>
    <name>ExportStatus</name>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="262" />
        <source>Cancel export</source>
        <translation>إلغاء التصدير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="263" />
        <source>Stop writing the export: no file is written</source>
        <translation>أوقف كتابة التصدير: لا يُكتب أي ملف</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="268" />
        <source>Exporting %1…</source>
        <translation>جارٍ التصدير إلى %1…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="274" />
        <source>Exporting %1: %2 written</source>
        <translation>جارٍ التصدير إلى %1: كُتب %2</translation>
    </message>
</context>
<context>
    <name>HiddenItems</name>
    <message>
        <location filename="../../timeline/ui/hidden_items.py" line="58" />
        <source>an article no longer in this library</source>
        <translation>مقالة لم تعد في هذه المكتبة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/hidden_items.py" line="63" />
        <source>an event no longer in this library</source>
        <translation>حدث لم يعد في هذه المكتبة</translation>
    </message>
</context>
<context>
    <name>HiddenItemsDialog</name>
    <message>
        <location filename="../../timeline/ui/hidden_items.py" line="175" />
        <location filename="../../timeline/ui/hidden_items.py" line="184" />
        <source>Hidden items</source>
        <translation>العناصر المخفية</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/hidden_items.py" line="179" />
        <source>Filter by title, words or label</source>
        <translation>صفِّ بالعنوان أو الكلمات أو الوصف</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/hidden_items.py" line="180" />
        <source>Filter</source>
        <translation>تصفية</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/hidden_items.py" line="191" />
        <source>Reading the hidden items…</source>
        <translation>جارٍ قراءة العناصر المخفية…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/hidden_items.py" line="194" />
        <source>&amp;Show again</source>
        <translation>&amp;إظهار من جديد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/hidden_items.py" line="207" />
        <source>&amp;Filter:</source>
        <translation>&amp;تصفية:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/hidden_items.py" line="262" />
        <source>Nothing is hidden</source>
        <translation>لا شيء مخفي</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/hidden_items.py" line="264" />
        <source>%n hidden</source>
        <translation><numerusform>لا شيء مخفي</numerusform><numerusform>عنصر واحد مخفي</numerusform><numerusform>عنصران مخفيان</numerusform><numerusform>%n عناصر مخفية</numerusform><numerusform>%n عنصرًا مخفيًا</numerusform><numerusform>%n عنصر مخفي</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/hidden_items.py" line="266" />
        <source>%n of %1 hidden</source>
        <translation><numerusform>لا شيء من %1 مخفية</numerusform><numerusform>عنصر واحد من %1 مخفية</numerusform><numerusform>عنصران من %1 مخفية</numerusform><numerusform>%n عناصر من %1 مخفية</numerusform><numerusform>%n عنصرًا من %1 مخفية</numerusform><numerusform>%n عنصر من %1 مخفية</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportMessages</name>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="43" />
        <source>missing or empty 'body'</source>
        <translation>الحقل 'body' مفقود أو فارغ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="44" />
        <source>'%1' must be a string</source>
        <translation>يجب أن يكون '%1' نصًّا</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="45" />
        <source>not valid JSON (%1)</source>
        <translation>ليس JSON سليمًا (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="46" />
        <source>JSON nested too deeply</source>
        <translation>JSON متداخل بعمق زائد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="49" />
        <source>not read: a number in it is too long</source>
        <translation>لم يُقرأ: فيه رقم أطول مما يُقرأ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="53" />
        <source>expected a JSON object, found %1</source>
        <translation>كان المتوقع كائن JSON، والموجود %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="55" />
        <source>no key '%1' for %2</source>
        <translation>لا مفتاح '%1' لـ%2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="56" />
        <source>empty body</source>
        <translation>متن فارغ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="59" />
        <source>longer than the %1 characters a cell may be</source>
        <translation>أطول من %1 حرف، أقصى ما تحمله الخلية</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="63" />
        <source>longer than the 10 million characters an article may be</source>
        <translation>أطول من 10 ملايين حرف، أقصى ما تكونه المقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="67" />
        <source>longer than the %1 characters an article may be</source>
        <translation>أطول من %1 حرف، أقصى ما تكونه المقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="69" />
        <source>no text</source>
        <translation>لا نص</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="70" />
        <source>ends before it starts</source>
        <translation>ينتهي قبل أن يبدأ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="71" />
        <source>not a Gregorian time: %1</source>
        <translation>ليس وقتًا ميلاديًا: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="74" />
        <source>impossible time %1 (%2)</source>
        <translation>وقت مستحيل %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="78" />
        <source>the file ends inside the list of articles (no closing ])</source>
        <translation>ينتهي الملف داخل قائمة المقالات (لا ] تغلقها)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="82" />
        <source>the file ends inside an article (no closing ])</source>
        <translation>ينتهي الملف داخل مقالة (لا ] تغلقها)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="87" />
        <source>not valid JSON (expected ',' or ']' after an article); the rest of the file is not read</source>
        <translation>ليس JSON سليمًا (المتوقع ',' أو ']' بعد المقالة)؛ لم يُقرأ باقي الملف</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="95" />
        <source>%1 bytes is more than a %2 file may be</source>
        <translation>%1 بايت أكثر مما يكونه ملف %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="99" />
        <source>inflates to %1 bytes (a zip bomb?)</source>
        <translation>يتمدد إلى %1 بايت (قنبلة ضغط؟)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="103" />
        <source>%1 (strict import: nothing of the file was stored)</source>
        <translation>%1 (استيراد صارم: لم يُخزَّن شيء من الملف)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="108" />
        <source>%1 bytes is more than a .timeline file may be</source>
        <translation>%1 بايت أكثر مما يكونه ملف ‎.timeline</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="112" />
        <source>refused: the file declares XML entities or a DTD (%1)</source>
        <translation>مرفوض: يعرّف الملف كيانات XML أو DTD ‏(%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="114" />
        <source>not well-formed XML (%1)</source>
        <translation>ليس XML سليم البنية (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="117" />
        <source>not a .timeline file (its root element is &lt;%1&gt;)</source>
        <translation>ليس ملف ‎.timeline (عنصره الجذر &lt;%1&gt;)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="121" />
        <source>only Gregorian timelines can be imported (this one is %1)</source>
        <translation>لا يُستورد إلا الخط الزمني الميلادي (وهذا %1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="127" />
        <source>XML that declares entities is not read (%1)</source>
        <translation>لا يُقرأ XML يعرّف كيانات (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="131" />
        <source>XML that declares entities is not read</source>
        <translation>لا يُقرأ XML يعرّف كيانات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="133" />
        <source>not a readable feed (%1)</source>
        <translation>ليست موجزًا مقروءًا (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="136" />
        <source>not a feed (no rss, feed or RDF element)</source>
        <translation>ليست موجزًا (لا عنصر rss ولا feed ولا RDF)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="140" />
        <source>not a readable OPML list (%1)</source>
        <translation>ليست قائمة OPML مقروءة (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="144" />
        <source>an OPML list that names no feed (no outline with an xmlUrl)</source>
        <translation>قائمة OPML لا تسمّي موجزًا (لا outline فيه xmlUrl)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="151" />
        <source>more than the %1 bytes a JSON file not holding a list of articles may be (a list is read as a stream; or use JSON Lines)</source>
        <translation>أكثر من %1 بايت، أقصى ما يكونه ملف JSON لا يحوي قائمة مقالات (القائمة تُقرأ تدفقًا؛ أو استعمل JSON Lines)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="159" />
        <source>unsupported file type '%1' (use %2)</source>
        <translation>نوع ملف غير مدعوم '%1' (استعمل %2)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="164" />
        <source>a tar archive (%1) is not read: unpack it and import its folder, or make a .zip of it</source>
        <translation>أرشيف tar ‏(%1) لا يُقرأ: فكّه واستورد مجلده، أو اضغطه في ملف ‎.zip‎</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="172" />
        <source>a link to a file that does not exist; not read</source>
        <translation>رابط إلى ملف غير موجود؛ لم يُقرأ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="176" />
        <source>not a regular file (a device, pipe or socket); not read</source>
        <translation>ليس ملفًا عاديًا (بل جهاز أو أنبوب أو مقبس)؛ لم يُقرأ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="181" />
        <source>%1 bytes is more than a %2 file may be (%3; use JSON Lines for large data sets)</source>
        <translation>%1 بايت أكثر مما يكونه ملف %2 ‏(%3؛ استعمل JSON Lines للبيانات الكبيرة)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="188" />
        <source>not a readable zip archive (%1)</source>
        <translation>ليس أرشيف zip مقروءًا (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="192" />
        <source>a compressed download whose format the address does not say</source>
        <translation>تنزيل مضغوط لا يذكر عنوانه صيغته</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="198" />
        <source>no column '%1' for %2; the headers are: %3</source>
        <translation>لا عمود '%1' لـ%2؛ العناوين هي: %3</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="203" />
        <source>no body column; the headers are: %1 (name it with --columns body=...,title=...)</source>
        <translation>لا عمود للمتن؛ العناوين هي: %1 (سمِّه بـ ‎--columns body=...,title=...‎)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="208" />
        <source>empty: no header row</source>
        <translation>فارغ: لا صف عناوين</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="213" />
        <source>this program's export of events, not of articles: export the articles (as CSV, JSON Lines or Excel) and import that</source>
        <translation>تصدير هذا البرنامج للأحداث، لا للمقالات: صدِّر المقالات (بصيغة CSV أو JSON Lines أو Excel) واستورد ذاك</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="222" />
        <source>this program's chronology of events, not articles: export the articles (as CSV, JSON Lines or Excel) and import that</source>
        <translation>تسلسل زمني للأحداث صدّره هذا البرنامج، لا مقالات: صدِّر المقالات (بصيغة CSV أو JSON Lines أو Excel) واستورد ذاك</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="231" />
        <source>this program's image of a timeline, not an article: export the articles (as CSV, JSON Lines or Excel) and import that</source>
        <translation>صورة خط زمني صدّرها هذا البرنامج، لا مقالة: صدِّر المقالات (بصيغة CSV أو JSON Lines أو Excel) واستورد ذاك</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="240" />
        <source>empty: no sheet has a header row</source>
        <translation>فارغ: لا ورقة فيه لها صف عناوين</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="244" />
        <source>an Excel 97-2003 workbook (.xls): save it as .xlsx or CSV and import that</source>
        <translation>مصنف Excel 97-2003 ‏(.xls): احفظه بصيغة ‎.xlsx‎ أو CSV واستورد ذاك</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="251" />
        <source>not an Excel workbook (an .xlsx file is a zip archive)</source>
        <translation>ليس مصنف Excel (ملف ‎.xlsx‎ أرشيف zip)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="255" />
        <source>not a readable Excel workbook (%1)</source>
        <translation>ليس مصنف Excel مقروءًا (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="259" />
        <source>not a readable Excel worksheet (%1)</source>
        <translation>ليست ورقة Excel مقروءة (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="264" />
        <source>a Word 97-2003 document (.doc): save it as .docx or as text and import that</source>
        <translation>مستند Word 97-2003 ‏(.doc): احفظه بصيغة ‎.docx‎ أو نصًا واستورد ذاك</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="271" />
        <source>not a Word document (a .docx file is a zip archive)</source>
        <translation>ليس مستند Word (ملف ‎.docx‎ أرشيف zip)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="275" />
        <source>not a readable Word document (%1)</source>
        <translation>ليس مستند Word مقروءًا (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="279" />
        <source>its text part is %1 bytes, more than the %2 a document may be</source>
        <translation>جزء نصه %1 بايت، أكثر من %2، أقصى ما يكونه مستند</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="286" />
        <source>not an OpenDocument text (an .odt file is a zip archive)</source>
        <translation>ليس مستند OpenDocument نصيًا (ملف ‎.odt‎ أرشيف zip)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="290" />
        <source>not an OpenDocument text (it holds no text body)</source>
        <translation>ليس مستند OpenDocument نصيًا (لا متن نصيًا فيه)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="294" />
        <source>not a readable OpenDocument text (%1)</source>
        <translation>ليس مستند OpenDocument نصيًا مقروءًا (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="299" />
        <source>not an OpenDocument spreadsheet (an .ods file is a zip archive)</source>
        <translation>ليس جدول OpenDocument (ملف ‎.ods‎ أرشيف zip)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="305" />
        <source>not an OpenDocument spreadsheet (it holds no content)</source>
        <translation>ليس جدول OpenDocument (لا محتوى فيه)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="309" />
        <source>not a readable OpenDocument spreadsheet (%1)</source>
        <translation>ليس جدول OpenDocument مقروءًا (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="313" />
        <source>its content is %1 bytes, more than the %2 a spreadsheet may be</source>
        <translation>محتواه %1 بايت، أكثر من %2 يُقبل في جدول</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="319" />
        <source>an Excel 97-2003 workbook (.xls): save it as .ods, .xlsx or CSV and import that</source>
        <translation>مصنف Excel 97-2003 ‏(‎.xls‎): احفظه بصيغة ‎.ods‎ أو ‎.xlsx‎ أو CSV واستورده</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="327" />
        <source>not a PDF file (it does not begin with %PDF)</source>
        <translation>ليس ملف PDF (لا يبدأ بـ ‎%PDF‎)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="331" />
        <source>%1 bytes, more than the %2 a PDF may be</source>
        <translation>%1 بايت، أكثر من %2، أقصى ما يكونه ملف PDF</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="333" />
        <source>not a readable PDF (%1)</source>
        <translation>ليس ملف PDF مقروءًا (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="336" />
        <source>page %1 is not readable (%2)</source>
        <translation>الصفحة %1 غير مقروءة (%2)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="340" />
        <source>it is encrypted; open it and save an unencrypted copy, then import that</source>
        <translation>الملف مشفّر؛ افتحه واحفظ نسخة غير مشفّرة، ثم استورد تلك</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="347" />
        <source>it is protected by a password; save an unprotected copy</source>
        <translation>الملف محمي بكلمة مرور؛ احفظ نسخة غير محمية</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="351" />
        <source>it has %1 pages, more than the %2 read</source>
        <translation>فيه %1 صفحة، أكثر من %2 صفحة تُقرأ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="356" />
        <source>its pages' drawing instructions are more than %1 bytes (too much for one article)</source>
        <translation>تعليمات رسم صفحاته أكثر من %1 بايت (أكثر مما يكونه مقال واحد)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="363" />
        <source>its text is longer than the %1 characters an article may be</source>
        <translation>نصه أطول من %1 حرف، أقصى ما يكونه مقال</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="404" />
        <source>a picture: install Tesseract with its Arabic to have its text recognized</source>
        <translation>صورة: ثبّت Tesseract مع لغته العربية ليُتعرّف على نصها</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="409" />
        <source>not a PNG or JPEG picture</source>
        <translation>ليست صورة PNG أو JPEG</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="412" />
        <source>a picture in a zip is not read: import it on its own</source>
        <translation>الصورة داخل ملف zip لا تُقرأ: استوردها وحدها</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="414" />
        <source>not an article format</source>
        <translation>ليس من صيغ المقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="417" />
        <source>a zip inside a zip is not opened</source>
        <translation>ملف zip داخل ملف zip لا يُفتح</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="421" />
        <source>a tar archive inside a zip is not opened</source>
        <translation>أرشيف tar داخل ملف zip لا يُفتح</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="425" />
        <source>needs a password (an encrypted file is not read)</source>
        <translation>يحتاج إلى كلمة مرور (الملف المشفّر لا يُقرأ)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="429" />
        <source>compressed in a way that cannot be read: zip it again with ordinary compression</source>
        <translation>مضغوط بطريقة لا تُقرأ: اضغطه في zip من جديد بالضغط المعتاد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="436" />
        <source>a picture of %1 by %2 pixels, more than the %3 read</source>
        <translation>صورة من %1 في %2 بكسل، أكثر من %3 بكسل تُقرأ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="440" />
        <source>recognizing its text took longer than %1 seconds</source>
        <translation>التعرف على نصها استغرق أكثر من %1 ثانية</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="444" />
        <source>recognizing its text failed (%1)</source>
        <translation>تعذّر التعرف على نصها (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="449" />
        <source>inflates to more than %1 bytes (a compression bomb?)</source>
        <translation>يتمدد إلى أكثر من %1 بايت (قنبلة ضغط؟)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="454" />
        <source>inflates more than %1 times (%2 bytes to over %3): a compression bomb?</source>
        <translation>يتمدد أكثر من %1 مرة (من %2 بايت إلى ما فوق %3): قنبلة ضغط؟</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="461" />
        <source>not a readable table (%1)</source>
        <translation>ليس جدولًا مقروءًا (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="463" />
        <location filename="../../timeline/ui/import_messages.py" line="857" />
        <source>the file is empty</source>
        <translation>الملف فارغ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="466" />
        <source>no article body after the title and date line</source>
        <translation>لا متن للمقالة بعد سطري العنوان والتاريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="492" />
        <source>binary data, not a web page</source>
        <translation>بيانات ثنائية، لا صفحة ويب</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="516" />
        <source>File exists</source>
        <translation>يوجد ملف بهذا الاسم</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="520" />
        <source>it is the library being exported (give another file)</source>
        <translation>هذا ملف المكتبة نفسها (اختر ملفًا آخر)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="629" />
        <source>not followed by the blank line that ends a record: its Content-Length is wrong (a damaged web archive)</source>
        <translation>لا يليه السطر الفارغ الذي ينتهي به السجل: طوله المذكور (Content-Length) خاطئ (أرشيف ويب تالف)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="637" />
        <source>its page's compressed content is damaged (%1)</source>
        <translation>المحتوى المضغوط لصفحته تالف (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="665" />
        <source>its certificate cannot be checked: no certificate authorities are installed here (Debian/Ubuntu package %1)</source>
        <translation>تعذّر التحقق من شهادته: لا توجد هنا جهات تصديق مثبّتة (حزمة %1 في دبيان/أوبونتو)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="824" />
        <source>%1; the rest of the file was not read</source>
        <translation>%1؛ لم يُقرأ باقي الملف</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="480" />
        <source>damaged or truncated gzip data (%1)</source>
        <translation>بيانات gzip تالفة أو مبتورة (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="484" />
        <source>more than the %1 bytes a %2 file may be</source>
        <translation>أكثر من %1 بايت، أقصى ما يكونه ملف %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="531" />
        <source>a message larger than the %1 bytes one may be</source>
        <translation>رسالة أكبر من %1 بايت، وهو أقصى حجم للرسالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="535" />
        <source>not an e-mail message (no headers at its start)</source>
        <translation>ليست رسالة بريد إلكتروني (لا ترويسات في أولها)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="539" />
        <source>a message with no subject and no text</source>
        <translation>رسالة بلا موضوع ولا نص</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="543" />
        <source>not a readable e-mail message (%1)</source>
        <translation>رسالة بريد إلكتروني لا تُقرأ (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="547" />
        <source>its attachment could not be read (%1)</source>
        <translation>تعذّرت قراءة مرفقها (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="551" />
        <source>its parts are nested too deep to be a message</source>
        <translation>أجزاؤها متداخلة إلى عمق لا تبلغه رسالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="555" />
        <source>not a mailbox (it does not begin with a '%1' line)</source>
        <translation>ليس صندوق بريد (لا يبدأ بسطر '%1')</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="700" />
        <source>message %1: %2</source>
        <translation>الرسالة %1: %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="701" />
        <source>after record %1: %2</source>
        <translation>بعد السجل %1: %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="778" />
        <source>text</source>
        <translation>نص</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="784" />
        <source>feed</source>
        <translation>موجز</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="786" />
        <source>web page</source>
        <translation>صفحة ويب</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="793" />
        <source>e-mail</source>
        <translation>بريد إلكتروني</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="795" />
        <source>picture</source>
        <translation>صورة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="488" />
        <source>binary data, not a text file</source>
        <translation>بيانات ثنائية، لا ملف نصي</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="370" />
        <source>it holds no text, only images (a scan?): install Tesseract with its Arabic and Poppler's pdftoppm to have it recognized, or recognize its text first</source>
        <translation>ليس فيه نص، بل صور فقط (مسح ضوئي؟): ثبّت Tesseract مع لغته العربية وأداة pdftoppm من Poppler ليُتعرّف على نصه، أو استخرج نصه بالتعرف الضوئي على الحروف أولًا</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="376" />
        <source>no text was found in it</source>
        <translation>لم يوجد فيه نص</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="379" />
        <source>its %1 scanned pages are more than the %2 recognized in a file</source>
        <translation>صفحاته الممسوحة %1، أكثر من %2 صفحة يُتعرّف على نصها في ملف</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="385" />
        <source>drawing page %1 for OCR took longer than %2 seconds</source>
        <translation>رسم الصفحة %1 للتعرف الضوئي استغرق أكثر من %2 ثانية</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="389" />
        <source>recognizing the text of page %1 took longer than %2 seconds</source>
        <translation>التعرف على نص الصفحة %1 استغرق أكثر من %2 ثانية</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="395" />
        <source>drawing page %1 for OCR failed (%2)</source>
        <translation>تعذّر رسم الصفحة %1 للتعرف الضوئي (%2)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="399" />
        <source>recognizing the text of page %1 failed (%2)</source>
        <translation>تعذّر التعرف على نص الصفحة %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="472" />
        <source>damaged or truncated gzip data (Compressed file ended before the end-of-stream marker was reached)</source>
        <translation>تنتهي البيانات المضغوطة قبل نهايتها (ملف gzip مبتور)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="496" />
        <source>more than the %1 bytes a text may be</source>
        <translation>أكثر من %1 بايت، أقصى ما يكونه النص</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="498" />
        <source>nested too deeply to read</source>
        <translation>متداخل بعمق يمنع قراءته</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="501" />
        <source>too large to read in the memory available</source>
        <translation>أكبر من أن يُقرأ في الذاكرة المتاحة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="503" />
        <source>could not be read (%1)</source>
        <translation>تعذّرت قراءته (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="506" />
        <source>No such file or directory</source>
        <translation>لا ملف ولا مجلد بهذا الاسم</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="507" />
        <source>Permission denied</source>
        <translation>لا إذن بذلك</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="508" />
        <source>Is a directory</source>
        <translation>هذا مجلد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="509" />
        <source>Not a directory</source>
        <translation>ليس مجلدًا</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="510" />
        <source>No space left on device</source>
        <translation>لم تبقَ مساحة على القرص</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="511" />
        <source>Read-only file system</source>
        <translation>نظام الملفات للقراءة فقط</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="512" />
        <source>File name too long</source>
        <translation>اسم الملف أطول مما يُقبل</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="513" />
        <source>Too many open files</source>
        <translation>الملفات المفتوحة أكثر مما يُقبل</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="514" />
        <source>Disk quota exceeded</source>
        <translation>تُجووزت حصة القرص</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="515" />
        <source>Input/output error</source>
        <translation>خطأ في القراءة من القرص أو الكتابة عليه</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="523" />
        <source>no title and no text</source>
        <translation>لا عنوان ولا نص</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="526" />
        <source>no text (neither content nor a summary)</source>
        <translation>لا نص (لا محتوى ولا ملخص)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="560" />
        <source>a page larger than %1 bytes</source>
        <translation>صفحة أكبر من %1 بايت</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="562" />
        <source>an empty page</source>
        <translation>صفحة فارغة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="565" />
        <source>not a readable web page (%1)</source>
        <translation>ليست صفحة ويب مقروءة (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="570" />
        <source>not an article: an index of %1 article teasers (headlines linking elsewhere, each with its summary)</source>
        <translation>ليست مقالة: فهرس فيه %1 من مقدمات المقالات (عناوين تحيل إلى صفحات أخرى، مع ملخص كلٍّ منها)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="579" />
        <source>not an article: %1 characters of main text (an index page, a login wall or an error page?)</source>
        <translation>ليست مقالة: %1 حرف من النص الرئيسي (صفحة فهرس أو صفحة دخول أو صفحة خطأ؟)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="588" />
        <source>not read: a page of more than %1 elements that does not mark its article (an index or an archive page?)</source>
        <translation>لم تُقرأ: صفحة فيها أكثر من %1 عنصر لا تحدّد مقالتها (صفحة فهرس أو أرشيف؟)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="596" />
        <source>record %1 is cut short (%2 bytes missing): a truncated web archive</source>
        <translation>السجل %1 مبتور (ينقصه %2 بايت): أرشيف ويب مبتور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="603" />
        <source>record %1 is cut short: a truncated web archive</source>
        <translation>السجل %1 مبتور: أرشيف ويب مبتور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="607" />
        <source>record %1 has no target address: a truncated or damaged web archive</source>
        <translation>السجل %1 بلا عنوان هدف: أرشيف ويب مبتور أو تالف</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="614" />
        <source>not a readable web archive near record %1 (%2)</source>
        <translation>ليس أرشيف ويب مقروءًا قرب السجل %1 ‏(%2)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="618" />
        <source>a truncated or damaged web archive record near record %1 (%2)</source>
        <translation>سجل أرشيف ويب مبتور أو تالف قرب السجل %1 ‏(%2)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="624" />
        <source>an empty web archive (no records)</source>
        <translation>أرشيف ويب فارغ (لا سجلات)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="641" />
        <source>redirected to a non-web address (%1)</source>
        <translation>أُحيل إلى عنوان ليس عنوان ويب (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="645" />
        <source>not a web address (only http and https are fetched)</source>
        <translation>ليس عنوان ويب (لا يُجلب إلا http وhttps)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="649" />
        <source>larger than the %1 bytes a download may be</source>
        <translation>أكبر من %1 بايت، أقصى ما يكونه التنزيل</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="653" />
        <source>took longer than %1 s to download</source>
        <translation>استغرق تنزيله أكثر من %1 ث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="655" />
        <source>more than %1 redirects</source>
        <translation>أكثر من %1 إحالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="656" />
        <source>the server answered %1</source>
        <translation>أجاب الخادم %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="657" />
        <source>no answer within %1 s</source>
        <translation>لا جواب خلال %1 ث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="660" />
        <source>could not be reached (%1)</source>
        <translation>تعذّر الوصول إليه (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="673" />
        <source>not a valid web address (%1)</source>
        <translation>ليس عنوان ويب صالحًا (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="677" />
        <source>the server's answer could not be read (%1)</source>
        <translation>تعذّرت قراءة جواب الخادم (%1)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="693" />
        <source>line %1: %2</source>
        <translation>السطر %1: %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="694" />
        <source>lines %1: %2</source>
        <translation>الأسطر %1: %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="695" />
        <source>row %1: %2</source>
        <translation>الصف %1: %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="696" />
        <source>article %1: %2</source>
        <translation>المقالة %1: %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="697" />
        <source>event %1: %2</source>
        <translation>الحدث %1: %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="698" />
        <source>entry %1: %2</source>
        <translation>المدخل %1: %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="699" />
        <source>record %1: %2</source>
        <translation>السجل %1: %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/import_messages.py" line="702" />
        <source>the file: %1</source>
        <translation>الملف: %1</translation>
    </message>
</context>
<context>
    <name>LongWrite</name>
    <message>
        <location filename="../../timeline/ui/long_write.py" line="47" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1161" />
        <location filename="../../timeline/ui/main_window.py" line="2803" />
        <source>News Timeline</source>
        <translation>الخط الزمني للأخبار</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="439" />
        <location filename="../../timeline/ui/main_window.py" line="2171" />
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="468" />
        <source>Timeline</source>
        <translation>الخط الزمني</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="607" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="608" />
        <source>&amp;Import files…</source>
        <translation>&amp;استيراد ملفات…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="612" />
        <source>Import &amp;folder…</source>
        <translation>استيراد &amp;مجلد…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="631" />
        <source>&amp;Recompute dates…</source>
        <translation>إعادة &amp;قراءة التواريخ…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="633" />
        <source>Read every article's dates again with this version's rules</source>
        <translation>قراءة تواريخ كل المقالات من جديد بقواعد هذا الإصدار</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="642" />
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="645" />
        <source>&amp;Print…</source>
        <translation>&amp;طباعة…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="648" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="652" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="692" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="693" />
        <source>&amp;Search…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="697" />
        <source>Article &amp;list</source>
        <translation>&amp;قائمة المقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="702" />
        <source>&amp;Colour events</source>
        <translation>&amp;تلوين الأحداث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="704" />
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="711" />
        <source>&amp;About</source>
        <translation>&amp;عن البرنامج</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="774" />
        <source>&amp;Timeline</source>
        <translation>ال&amp;خط الزمني</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="778" />
        <source>Fit the &amp;publication days</source>
        <translation>عرض &amp;أيام النشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="781" />
        <source>Show the days the articles were published in, as the window opens (Home)</source>
        <translation>عرض الأيام التي نُشرت فيها المقالات، كما تُفتح النافذة (Home)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="783" />
        <source>&amp;Fit all</source>
        <translation>عرض ال&amp;كل</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="787" />
        <source>List a story reprinted by several outlets once, as its earliest copy</source>
        <translation>اعرض الخبر الذي أعادت نشره عدة وسائل مرة واحدة، بأقدم نسخة منه</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="791" />
        <source>Zoom &amp;in</source>
        <translation>تكبي&amp;ر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="792" />
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="793" />
        <source>&amp;Go to date…</source>
        <translation>&amp;الانتقال إلى تاريخ…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="795" />
        <source>&amp;Settings</source>
        <translation>الإعدا&amp;دات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="797" />
        <source>Arabic &amp;month names</source>
        <translation>أسماء ال&amp;شهور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="808" />
        <source>&amp;Digits</source>
        <translation>الأ&amp;رقام</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="812" />
        <source>Western (2021)</source>
        <translation>غربية (2021)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="812" />
        <source>Arabic-Indic (٢٠٢١)</source>
        <translation>هندية (٢٠٢١)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="825" />
        <source>As the interface language</source>
        <translation>حسب لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="826" />
        <source>Left to right</source>
        <translation>من اليسار إلى اليمين</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="827" />
        <source>Right to left</source>
        <translation>من اليمين إلى اليسار</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="831" />
        <source>&amp;Hijri dates under the axis</source>
        <translation>التواريخ ال&amp;هجرية تحت المحور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="896" />
        <location filename="../../timeline/ui/main_window.py" line="905" />
        <source>Go to date</source>
        <translation>الانتقال إلى تاريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="897" />
        <source>Not a date I can read: %1</source>
        <translation>لا أستطيع قراءة هذا التاريخ: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="990" />
        <source>Went to %1 CE; type %1 AH for the Hijri year</source>
        <translation>عُرضت السنة الميلادية %1 م؛ وللسنة الهجرية اكتب %1 هـ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="998" />
        <source>Went to %1 AH (%2 to %3); type %1 CE for the Gregorian year</source>
        <translation>عُرضت السنة الهجرية %1 هـ (من %2 إلى %3)؛ وللسنة الميلادية اكتب %1 م</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1002" />
        <source>Went to %1 AH (in %2); type %1 CE for the Gregorian year</source>
        <translation>عُرضت السنة الهجرية %1 هـ (في %2)؛ وللسنة الميلادية اكتب %1 م</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="1062" />
        <source>%n article(s)</source>
        <translation><numerusform>لا مقالات</numerusform><numerusform>مقالة واحدة</numerusform><numerusform>مقالتان</numerusform><numerusform>%n مقالات</numerusform><numerusform>%n مقالة</numerusform><numerusform>%n مقالة</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="1065" />
        <source>%1 of %n article(s)</source>
        <translation><numerusform>%1 من أصل 0 مقالة</numerusform><numerusform>%1 من أصل مقالة واحدة</numerusform><numerusform>%1 من أصل مقالتين</numerusform><numerusform>%1 من أصل %n مقالات</numerusform><numerusform>%1 من أصل %n مقالة</numerusform><numerusform>%1 من أصل %n مقالة</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="1056" />
        <location filename="../../timeline/ui/main_window.py" line="1071" />
        <source>%n event(s) on the timeline</source>
        <translation><numerusform>لا أحداث على الخط الزمني</numerusform><numerusform>حدث واحد على الخط الزمني</numerusform><numerusform>حدثان على الخط الزمني</numerusform><numerusform>%n أحداث على الخط الزمني</numerusform><numerusform>%n حدثًا على الخط الزمني</numerusform><numerusform>%n حدث على الخط الزمني</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="616" />
        <source>Import &amp;web addresses…</source>
        <translation>استيراد &amp;عناوين ويب…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="621" />
        <source>Import from the &amp;clipboard</source>
        <translation>استيراد م&amp;ن الحافظة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="624" />
        <source>&amp;New library…</source>
        <translation>مكتبة &amp;جديدة…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="625" />
        <source>Open &amp;library…</source>
        <translation>&amp;فتح مكتبة…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="626" />
        <source>Recen&amp;t libraries</source>
        <translation>مكتبات &amp;حديثة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="658" />
        <source>&amp;Remove this article…</source>
        <translation>إ&amp;زالة هذه المقالة…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="664" />
        <source>Remove every article of its &amp;file…</source>
        <translation>إزالة كل مقالات م&amp;لفها…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="674" />
        <source>Remove what the &amp;last import added…</source>
        <translation>إزالة ما أضافه آخر است&amp;يراد…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="707" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="775" />
        <source>Article te&amp;xt</source>
        <translation>&amp;نص المقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="784" />
        <source>Show &amp;each story once</source>
        <translation>اعرض كل خبر &amp;مرة واحدة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="802" />
        <source>Levantine (⁧كانون الثاني، شباط…⁩)</source>
        <translation>الشامية (كانون الثاني، شباط…)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="803" />
        <source>Egyptian and Gulf (⁧يناير، فبراير…⁩)</source>
        <translation>المصرية والخليجية (يناير، فبراير…)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="804" />
        <source>Maghrebi (⁧جانفي، فيفري…⁩)</source>
        <translation>المغاربية (جانفي، فيفري…)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="815" />
        <source>Time di&amp;rection</source>
        <translation>ا&amp;تجاه الزمن</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="930" />
        <source>(not understood)</source>
        <translation>(لم يُفهم)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="942" />
        <source>%1 to %2</source>
        <translation>من %1 إلى %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="991" />
        <source>Read as %1 CE; type %1 AH for the Hijri year</source>
        <translation>تُقرأ السنة الميلادية %1 م؛ وللسنة الهجرية اكتب %1 هـ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1006" />
        <source>Read as %1 AH; type %1 CE for the Gregorian year</source>
        <translation>تُقرأ السنة الهجرية %1 هـ؛ وللسنة الميلادية اكتب %1 م</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1029" />
        <source>From the search field to its results</source>
        <translation>من حقل البحث إلى نتائجه</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1081" />
        <source>each story once</source>
        <translation>كل خبر مرة واحدة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1083" />
        <source>hidden items shown</source>
        <translation>العناصر المخفية ظاهرة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1153" />
        <location filename="../../timeline/ui/main_window.py" line="1159" />
        <source>The article store cannot be read: %1</source>
        <translation>تتعذّر قراءة مخزن المقالات: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1168" />
        <source>Repair…</source>
        <translation>إصلاح…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1404" />
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1406" />
        <source>from %1</source>
        <translation>من المصدر %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1411" />
        <source>dated %1 to %2</source>
        <translation>بتواريخ من %1 إلى %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1412" />
        <source>published %1 to %2</source>
        <translation>منشورة من %1 إلى %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1413" />
        <source>mentioning %1 to %2</source>
        <translation>تذكر تواريخ من %1 إلى %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1417" />
        <location filename="../../timeline/ui/main_window.py" line="2690" />
        <source>, </source>
        <translation>، </translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="1719" />
        <source>%n copies</source>
        <translation><numerusform>لا نسخ</numerusform><numerusform>نسخة واحدة</numerusform><numerusform>نسختان</numerusform><numerusform>%n نسخ</numerusform><numerusform>%n نسخة</numerusform><numerusform>%n نسخة</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2124" />
        <source>Timeline not loaded: %1</source>
        <translation>لم يُحمَّل الخط الزمني: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2159" />
        <source>%1 (read-only) — News Timeline</source>
        <translation>الخط الزمني للأخبار — %1 (للقراءة فقط)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2160" />
        <source>%1 — News Timeline</source>
        <translation>الخط الزمني للأخبار — %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2171" />
        <location filename="../../timeline/ui/main_window.py" line="2191" />
        <source>All files</source>
        <translation>كل الملفات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2176" />
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2183" />
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد مقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2191" />
        <source>Libraries</source>
        <translation>المكتبات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2199" />
        <source>its folder does not exist</source>
        <translation>مجلدها غير موجود</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2201" />
        <source>its folder cannot be written: a new library cannot be made there</source>
        <translation>لا يمكن الكتابة في مجلدها: لا يمكن إنشاء مكتبة جديدة هناك</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2203" />
        <source>it is not a file</source>
        <translation>ليس ملفًا</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2204" />
        <source>it cannot be read</source>
        <translation>تتعذّر قراءته</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2205" />
        <source>it is not an SQLite database</source>
        <translation>ليس قاعدة بيانات SQLite</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2206" />
        <source>it is another program's database (it has no articles)</source>
        <translation>قاعدة بيانات لبرنامج آخر (لا مقالات فيها)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2214" />
        <source>No other library opened yet</source>
        <translation>لم تُفتح مكتبة أخرى بعد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2223" />
        <location filename="../../timeline/ui/main_window.py" line="2257" />
        <source>Open a library</source>
        <translation>فتح مكتبة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2232" />
        <source>New library</source>
        <translation>مكتبة جديدة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2233" />
        <source>library.db</source>
        <translation>مكتبة.db</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2250" />
        <source>That library is the one open here</source>
        <translation>هذه المكتبة هي المفتوحة هنا</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2258" />
        <source>This file cannot be opened as a library:
%1
%2</source>
        <translation>لا يمكن فتح هذا الملف مكتبةً:
%1
%2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2278" />
        <source>The program could not be started again: %1</source>
        <translation>تعذّر تشغيل البرنامج مرة أخرى: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2555" />
        <source>Import cancelled: no article was added</source>
        <translation>أُلغي الاستيراد: لم تُضَف أي مقالة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="2558" />
        <source>Import cancelled: %n article(s) kept (removable from the Edit menu)</source>
        <translation><numerusform>أُلغي الاستيراد: لم تبقَ أي مقالة</numerusform><numerusform>أُلغي الاستيراد: أُبقيت مقالة واحدة (تُزال من قائمة «تحرير»)</numerusform><numerusform>أُلغي الاستيراد: أُبقيت مقالتان (تُزال من قائمة «تحرير»)</numerusform><numerusform>أُلغي الاستيراد: أُبقيت %n مقالات (تُزال من قائمة «تحرير»)</numerusform><numerusform>أُلغي الاستيراد: أُبقيت %n مقالة (تُزال من قائمة «تحرير»)</numerusform><numerusform>أُلغي الاستيراد: أُبقيت %n مقالة (تُزال من قائمة «تحرير»)</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2698" />
        <source>Import cancelled: the file being read was not stored; the files read before it were. Import it again to finish</source>
        <translation>أُلغي الاستيراد: لم يُخزَّن الملف الذي كان يُقرأ، وخُزّنت الملفات التي قُرئت قبله. استورده من جديد لإكماله</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="2584" />
        <source>%1 added, %2 already stored, %n failed file(s)</source>
        <translation><numerusform>أضيفت: %1، موجودة من قبل: %2، ملفات تعذّر استيرادها: %n</numerusform><numerusform>أضيفت: %1، موجودة من قبل: %2، ملفات تعذّر استيرادها: %n</numerusform><numerusform>أضيفت: %1، موجودة من قبل: %2، ملفات تعذّر استيرادها: %n</numerusform><numerusform>أضيفت: %1، موجودة من قبل: %2، ملفات تعذّر استيرادها: %n</numerusform><numerusform>أضيفت: %1، موجودة من قبل: %2، ملفات تعذّر استيرادها: %n</numerusform><numerusform>أضيفت: %1، موجودة من قبل: %2، ملفات تعذّر استيرادها: %n</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="2600" />
        <source>%1: skipped %n record(s) that cannot be read as an article: %3</source>
        <translation><numerusform>%1: لم يُتخطَّ أي سجل: %3</numerusform><numerusform>%1: تُخطّي سجل واحد لا يُقرأ مقالةً: %3</numerusform><numerusform>%1: تُخطّي سجلّان لا يُقرآن مقالةً: %3</numerusform><numerusform>%1: تُخطّي %n من السجلات لا تُقرأ مقالاتٍ: %3</numerusform><numerusform>%1: تُخطّي %n من السجلات لا تُقرأ مقالاتٍ: %3</numerusform><numerusform>%1: تُخطّي %n من السجلات لا تُقرأ مقالاتٍ: %3</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="2613" />
        <source>%1: %n article(s) without a readable date</source>
        <translation><numerusform>%1: لا مقالات بلا تاريخ مقروء</numerusform><numerusform>%1: مقالة واحدة بلا تاريخ مقروء</numerusform><numerusform>%1: مقالتان بلا تاريخ مقروء</numerusform><numerusform>%1: %n مقالات بلا تاريخ مقروء</numerusform><numerusform>%1: %n مقالة بلا تاريخ مقروء</numerusform><numerusform>%1: %n مقالة بلا تاريخ مقروء</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="2622" />
        <source>%1: %n article(s) without a title, each named by its first line</source>
        <translation><numerusform>%1: لا مقالات بلا عنوان</numerusform><numerusform>%1: مقالة واحدة بلا عنوان، سُمّيت بسطرها الأول</numerusform><numerusform>%1: مقالتان بلا عنوان، سُمّيت كلٌّ منهما بسطرها الأول</numerusform><numerusform>%1: %n مقالات بلا عنوان، سُمّيت كلٌّ منها بسطرها الأول</numerusform><numerusform>%1: %n مقالة بلا عنوان، سُمّيت كلٌّ منها بسطرها الأول</numerusform><numerusform>%1: %n مقالة بلا عنوان، سُمّيت كلٌّ منها بسطرها الأول</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="2632" />
        <source>%1: %n article(s) already had a note of their own, kept instead of the file's</source>
        <translation><numerusform>%1: لا مقالات لها ملاحظة في المكتبة</numerusform><numerusform>%1: مقالة واحدة لها ملاحظة في المكتبة أُبقيت بدل ملاحظة الملف</numerusform><numerusform>%1: مقالتان لكلٍّ منهما ملاحظة في المكتبة أُبقيت بدل ملاحظة الملف</numerusform><numerusform>%1: %n مقالات لكلٍّ منها ملاحظة في المكتبة أُبقيت بدل ملاحظة الملف</numerusform><numerusform>%1: %n مقالة لكلٍّ منها ملاحظة في المكتبة أُبقيت بدل ملاحظة الملف</numerusform><numerusform>%1: %n مقالة لكلٍّ منها ملاحظة في المكتبة أُبقيت بدل ملاحظة الملف</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2673" />
        <source>%1: no files in this folder (hidden ones are not read)</source>
        <translation>%1: لا ملفات في هذا المجلد (الملفات المخفية لا تُقرأ)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="2680" />
        <source>%n record(s) skipped</source>
        <translation><numerusform>سجلات متخطّاة: %n</numerusform><numerusform>سجلات متخطّاة: %n</numerusform><numerusform>سجلات متخطّاة: %n</numerusform><numerusform>سجلات متخطّاة: %n</numerusform><numerusform>سجلات متخطّاة: %n</numerusform><numerusform>سجلات متخطّاة: %n</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="2686" />
        <source>%n file(s) with no articles</source>
        <translation><numerusform>ملفات بلا مقالات: %n</numerusform><numerusform>ملفات بلا مقالات: %n</numerusform><numerusform>ملفات بلا مقالات: %n</numerusform><numerusform>ملفات بلا مقالات: %n</numerusform><numerusform>ملفات بلا مقالات: %n</numerusform><numerusform>ملفات بلا مقالات: %n</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="2689" />
        <source>%n file(s) not read</source>
        <translation><numerusform>ملفات لم تُقرأ: %n</numerusform><numerusform>ملفات لم تُقرأ: %n</numerusform><numerusform>ملفات لم تُقرأ: %n</numerusform><numerusform>ملفات لم تُقرأ: %n</numerusform><numerusform>ملفات لم تُقرأ: %n</numerusform><numerusform>ملفات لم تُقرأ: %n</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2805" />
        <source>The library's file was deleted or replaced by another program:
%1
This window shows what the file held; nothing more can be changed from it.</source>
        <translation>حذف برنامج آخر ملف المكتبة أو استبدله:
%1
تعرض هذه النافذة ما كان فيه، ولا يمكن أن يُغيَّر منها شيء بعد الآن.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2813" />
        <source>Open the library again</source>
        <translation>افتح المكتبة من جديد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2818" />
        <source>The library's file was deleted or replaced by another program</source>
        <translation>حذف برنامج آخر ملف المكتبة أو استبدله</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2265" />
        <source>Opening %1 in a new window</source>
        <translation>جارٍ فتح %1 في نافذة جديدة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="886" />
        <source>Date (for example 1973-10-06, 6 October 1973 or 10 Ramadan 1393 AH; Arabic dates too):</source>
        <translation>التاريخ (مثلاً ٦ أكتوبر ١٩٧٣ أو 10 رمضان 1393 هـ أو ⁦1973-10-06⁩؛ وبالإنجليزية أيضًا):</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2299" />
        <location filename="../../timeline/ui/main_window.py" line="2312" />
        <source>Import web addresses</source>
        <translation>استيراد عناوين ويب</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2300" />
        <source>Addresses of article pages or feeds (http or https), one per line:</source>
        <translation>عناوين صفحات المقالات أو الخلاصات (⁦http⁩ أو ⁦https⁩)، عنوان في كل سطر:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="2315" />
        <source>%n line(s) left out: not a web address (http or https). The first: %1</source>
        <translation><numerusform>أُهمل 0 سطر: ليس عنوان ويب (⁦http⁩ أو ⁦https⁩). أولها: %1</numerusform><numerusform>أُهمل سطر واحد: ليس عنوان ويب (⁦http⁩ أو ⁦https⁩). وهو: %1</numerusform><numerusform>أُهمل سطران: ليسا عنواني ويب (⁦http⁩ أو ⁦https⁩). أولهما: %1</numerusform><numerusform>أُهملت %n أسطر: ليست عناوين ويب (⁦http⁩ أو ⁦https⁩). أولها: %1</numerusform><numerusform>أُهمل %n سطرًا: ليست عناوين ويب (⁦http⁩ أو ⁦https⁩). أولها: %1</numerusform><numerusform>أُهمل %n سطر: ليست عناوين ويب (⁦http⁩ أو ⁦https⁩). أولها: %1</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2355" />
        <source>The clipboard holds no text, page, picture or link to import</source>
        <translation>لا تحوي الحافظة نصًا ولا صفحة ولا صورة ولا رابطًا للاستيراد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2360" />
        <source>This library is read-only: nothing can be imported into it</source>
        <translation>هذه المكتبة للقراءة فقط: لا يُستورد إليها شيء</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2380" />
        <source>Import from the clipboard</source>
        <translation>استيراد من الحافظة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2381" />
        <source>The pasted text could not be kept in %1: %2</source>
        <translation>تعذّر حفظ النص الملصق في %1: %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2426" />
        <source>the library's file was deleted or replaced: open it again</source>
        <translation>حُذف ملف المكتبة أو استُبدل: افتحها من جديد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2428" />
        <source>an import is writing the store: try again when it ends</source>
        <translation>يجري استيراد يكتب في المخزن: أعد المحاولة حين ينتهي</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2430" />
        <source>the dates are being read again: try again when that ends</source>
        <translation>تُقرأ التواريخ من جديد: أعد المحاولة حين ينتهي ذلك</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2432" />
        <source>articles are being removed: try again when that ends</source>
        <translation>تجري إزالة مقالات: حاول من جديد حين تنتهي</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2447" />
        <source>Not imported: the library's file was deleted or replaced</source>
        <translation>لم يُستورد شيء: حُذف ملف المكتبة أو استُبدل</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2453" />
        <source>An import is running: wait for it to finish or cancel it</source>
        <translation>يجري استيراد الآن: انتظر انتهاءه أو ألغِه</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2455" />
        <source>The dates are being read again: import when that ends</source>
        <translation>تُقرأ التواريخ من جديد: استورد حين ينتهي ذلك</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2457" />
        <source>Articles are being removed: import when that ends</source>
        <translation>تجري إزالة مقالات: استورد حين تنتهي</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2464" />
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2465" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2470" />
        <source>Importing articles</source>
        <translation>استيراد المقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2492" />
        <source>Importing %1</source>
        <translation>جارٍ استيراد %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2497" />
        <source>Importing %1: %2 articles read</source>
        <translation>جارٍ استيراد %1: قُرئت %2 مقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2510" />
        <source>Recognizing the text of %1: scanned page %2 of %3</source>
        <translation>التعرف على نص %1: الصفحة الممسوحة %2 من %3</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2512" />
        <source>Reading %1: page %2 of %3</source>
        <translation>قراءة %1: الصفحة %2 من %3</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2545" />
        <source>Import</source>
        <translation>الاستيراد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2607" />
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2643" />
        <source>%1: %2 of your values in it (events added by hand, corrected dates) were left out: their dates or places no longer read</source>
        <translation>%1: أُهمل %2 من قيمك فيه (أحداث مضافة يدويًا، تواريخ مصحّحة): لم تعد تواريخها أو مواضعها تُقرأ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2652" />
        <source>%1: %2 scanned page(s) were not read: install Tesseract with its Arabic and Poppler's pdftoppm to have them recognized</source>
        <translation>%1: لم تُقرأ %2 من الصفحات الممسوحة ضوئيًا: ثبّت Tesseract مع العربية وأداة pdftoppm من Poppler لتُقرأ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2660" />
        <source>%1: %2 byte(s) were not valid %3 and were stored as U+FFFD</source>
        <translation>%1: %2 من البايتات لم تكن %3 صالحًا وخُزّنت بالرمز U+FFFD</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2667" />
        <source>%1: no articles in it</source>
        <translation>%1: لا مقالات فيه</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2669" />
        <source>%1: not in a format this program reads</source>
        <translation>%1: ليس بصيغة يقرؤها البرنامج</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2683" />
        <source>%1 without a readable date</source>
        <translation>بلا تاريخ مقروء: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2704" />
        <source>Import failed</source>
        <translation>تعذّر الاستيراد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="2759" />
        <source>The library was changed by another program: shown as it is now</source>
        <translation>غيّر برنامج آخر المكتبة: تظهر الآن كما هي</translation>
    </message>
</context>
<context>
    <name>MenuKeys</name>
    <message>
        <location filename="../../timeline/ui/menu_keys.py" line="322" />
        <source>Open the menu bar</source>
        <translation>فتح شريط القوائم</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/menu_keys.py" line="326" />
        <source>The menu of what has the focus</source>
        <translation>قائمة ما عليه التركيز</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="231" />
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="232" />
        <source>Note on this article:</source>
        <translation>ملاحظة على هذه المقالة:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="237" />
        <source>Ctrl+Enter saves the note.</source>
        <translation>اضغط ⁦Ctrl+Enter⁩ لحفظ الملاحظة.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="246" />
        <source>The note is as long as a note can be: the rest of what was pasted was left out.</source>
        <translation>بلغت الملاحظة أقصى طول لها: تُرك باقي ما لُصق.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../timeline/ui/qt_strings.py" line="18" />
        <source>Drive</source>
        <translation>قرص</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/qt_strings.py" line="20" />
        <source>Folder</source>
        <translation>مجلّد</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../timeline/ui/qt_strings.py" line="16" />
        <source>&amp;Look in:</source>
        <translation>ا&amp;عثر في:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/qt_strings.py" line="17" />
        <source>Files of &amp;type:</source>
        <translation>الملفّات من ال&amp;نّوع:</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <location filename="../../timeline/ui/qt_strings.py" line="21" />
        <source>Pages</source>
        <translation>صفحات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/qt_strings.py" line="22" />
        <source>Page &amp;Set:</source>
        <translation>مجموعة ال&amp;صفحات:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/qt_strings.py" line="23" />
        <source>Double Sided Printing</source>
        <translation>الطباعة على الوجهين</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/qt_strings.py" line="24" />
        <source>Off</source>
        <translation>بلا</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/qt_strings.py" line="25" />
        <source>Long side binding</source>
        <translation>التجليد من الجانب الطويل</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/qt_strings.py" line="26" />
        <source>Short side binding</source>
        <translation>التجليد من الجانب القصير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/qt_strings.py" line="28" />
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>حدّد صفحات أو مجالات تفصل بينها فواصل؛ المجال رقمان بينهما شَرطة. مثلاً 3,5-7,9 تطبع الصفحات 3 و5 و6 و7 و9.</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="219" />
        <source>Search articles</source>
        <translation>البحث في المقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="224" />
        <source>Search: words, "a phrase", prefix*, -exclude, OR</source>
        <translation>ابحث: كلمات، "عبارة"، بادئة*، -استبعاد، OR</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="228" />
        <source>Spelling variants match: ⁧ايار⁩ finds ⁧أيّار⁩, ٢٠٢١ finds 2021.
Words must all occur; "quotes" keep a phrase; word* is a prefix;
-word excludes a word; OR gives alternatives.</source>
        <translation>تتطابق صيغ الكتابة: ايار تجد أيّار، و٢٠٢١ تجد 2021.
يجب أن ترد الكلمات كلها؛ "علامتا التنصيص" تحفظان العبارة؛ كلمة* بادئة؛
-كلمة تستبعد الكلمة؛ OR للبدائل.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="254" />
        <source>Spellings the library holds</source>
        <translation>تهجئات موجودة في المكتبة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="259" />
        <source>All sources</source>
        <translation>كل المصادر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="261" />
        <source>S&amp;ource:</source>
        <translation>الم&amp;صدر:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="263" />
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="265" />
        <source>&amp;Dates</source>
        <translation>التوا&amp;ريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="280" />
        <location filename="../../timeline/ui/search_bar.py" line="282" />
        <source>First day</source>
        <translation>اليوم الأول</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="281" />
        <location filename="../../timeline/ui/search_bar.py" line="283" />
        <source>Last day</source>
        <translation>اليوم الأخير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="284" />
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="288" />
        <source>Published or mentioned</source>
        <translation>منشورة أو مذكورة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="289" />
        <source>Published</source>
        <translation>تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="290" />
        <source>Mentioned</source>
        <translation>تاريخ مذكور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="292" />
        <source>Which dates of an article the range applies to</source>
        <translation>أي تواريخ المقالة يشملها النطاق</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="293" />
        <source>Kind of date</source>
        <translation>نوع التاريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="445" />
        <source>No results. Did you mean:</source>
        <translation>لا نتائج. هل تقصد:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="447" />
        <source>No results. Did you mean: %1?</source>
        <translation>لا نتائج. هل تقصد: %1؟</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="448" />
        <source>, </source>
        <translation>، </translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/search_bar.py" line="456" />
        <source>%Ln result(s)</source>
        <translation><numerusform>لا نتائج</numerusform><numerusform>نتيجة واحدة</numerusform><numerusform>نتيجتان</numerusform><numerusform>%Ln نتائج</numerusform><numerusform>%Ln نتيجة</numerusform><numerusform>%Ln نتيجة</numerusform></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../timeline/ui/shortcuts_help.py" line="83" />
        <location filename="../../timeline/ui/shortcuts_help.py" line="93" />
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/shortcuts_help.py" line="84" />
        <source>Timeline</source>
        <translation>الخط الزمني</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/shortcuts_help.py" line="85" />
        <source>Window</source>
        <translation>النافذة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/shortcuts_help.py" line="94" />
        <source>Menu</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/shortcuts_help.py" line="94" />
        <source>Command</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/shortcuts_help.py" line="94" />
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <location filename="../../timeline/ui/app.py" line="94" />
        <location filename="../../timeline/ui/repair_window.py" line="90" />
        <location filename="../../timeline/ui/repair_window.py" line="99" />
        <source>News Timeline</source>
        <translation>الخط الزمني للأخبار</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/app.py" line="92" />
        <source>The library could not be opened:
%1</source>
        <translation>تعذّر فتح المكتبة:
%1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/app.py" line="116" />
        <source>Repair…</source>
        <translation>إصلاح…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/app.py" line="137" />
        <source>An import of a large file holds the library alone until it has finished.</source>
        <translation>يُمسك استيرادُ ملفٍّ كبير المكتبةَ وحده حتى ينتهي.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/app.py" line="143" />
        <source>&amp;Try again</source>
        <translation>أعد ال&amp;محاولة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/repair_window.py" line="52" />
        <source>Copying what can still be read…</source>
        <translation>جارٍ نسخ ما يمكن قراءته…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/repair_window.py" line="54" />
        <source>Repairing the library</source>
        <translation>إصلاح المكتبة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/repair_window.py" line="81" />
        <source>The library could not be repaired:
%1</source>
        <translation>تعذّر إصلاح المكتبة:
%1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/repair_window.py" line="100" />
        <source>What could be read was copied into a new library:
%1
%2</source>
        <translation>نُسخ ما أمكن قراءته إلى مكتبة جديدة:
%1
%2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/repair_window.py" line="105" />
        <source>%1 articles copied; %2 rows could not be read.</source>
        <translation>نُسخت %1 مقالة؛ وتعذّرت قراءة %2 صف.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/repair_window.py" line="112" />
        <source>Open it</source>
        <translation>افتحها</translation>
    </message>
</context>
<context>
    <name>StoreMessages</name>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="37" />
        <source>no database at %1</source>
        <translation>لا توجد مكتبة في %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="38" />
        <source>%1 is not a database file (a folder, a device or a pipe)</source>
        <translation>%1 ليس ملف قاعدة بيانات (بل مجلد أو جهاز أو أنبوب)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="41" />
        <source>cannot make %1: its folder %2 is not writable</source>
        <translation>تعذّر إنشاء %1: لا يمكن الكتابة في مجلده %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="44" />
        <source>cannot make %1: %2 is a file, where its folder would be</source>
        <translation>تعذّر إنشاء %1: ‏%2 ملف في المكان الذي يكون فيه مجلده</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="47" />
        <source>cannot open %1: %2</source>
        <translation>تعذّر فتح %1: %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="48" />
        <source>%1 is locked by another program writing it (an import, or a database tool holding it); try again when it is done</source>
        <translation>%1 مقفلة لأن برنامجًا آخر يكتب فيها (استيراد، أو أداة قواعد بيانات تمسكها)؛ أعد المحاولة حين ينتهي</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="53" />
        <source>%1 is not a usable timeline database (corrupt or not SQLite): %2</source>
        <translation>%1 ليست قاعدة بيانات صالحة للخط الزمني (تالفة أو ليست SQLite):‏ %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="56" />
        <source>%1: the disk is full; what was being written was not stored (free some space and try again)</source>
        <translation>%1: القرص ممتلئ؛ لم يُحفظ ما كان يُكتب (أفرغ بعض المساحة وأعد المحاولة)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="61" />
        <source>%1 cannot be opened: the disk is full (SQLite has no room beside it for its -shm file); nothing was changed (free some space and try again)</source>
        <translation>تعذّر فتح %1: القرص ممتلئ (لا مساحة بجانبه لملف ‎-shm‎ الذي يحتاجه SQLite)؛ لم يُغيَّر شيء (أفرغ بعض المساحة وأعد المحاولة)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="66" />
        <source>%1 is an SQLite database, but not a timeline store</source>
        <translation>%1 قاعدة بيانات SQLite، لكنها ليست مكتبة للخط الزمني</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="69" />
        <source>%1 needs an upgrade to this version's schema, but it is read-only: %2</source>
        <translation>%1 تحتاج إلى تحديث لبنية هذا الإصدار، لكنها للقراءة فقط: %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="72" />
        <source>%1 was written by a newer version of this program (schema %2; this one knows up to %3). Upgrade the program to open it; nothing was changed.</source>
        <translation>%1 كتبها إصدار أحدث من هذا البرنامج (البنية %2؛ وهذا الإصدار يعرف حتى %3). حدّث البرنامج لفتحها؛ لم يُغيَّر شيء.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="77" />
        <source>%1 is damaged (%2); nothing was written to it. Repair copies what can be read into a new library beside it (the damaged file is left as it is).</source>
        <translation>%1 تالفة (%2)؛ لم يُكتب فيها شيء. يَنسخ الإصلاح ما يمكن قراءته إلى مكتبة جديدة بجانبها (ويبقى الملف التالف كما هو).</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="82" />
        <source>%1 is damaged: %2; nothing was written to it. Repair copies what can be read into a new library beside it (the damaged file is left as it is).</source>
        <translation>%1 تالفة: %2؛ لم يُكتب فيها شيء. يَنسخ الإصلاح ما يمكن قراءته إلى مكتبة جديدة بجانبها (ويبقى الملف التالف كما هو).</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="87" />
        <source>%1 is cut short: it holds %2 of the %3 bytes its header gives (a copy or download that did not finish?); nothing was written to it. Copy it again whole if you can, else Repair copies what can be read into a new library beside it.</source>
        <translation>%1 مبتورة: فيها %2 من البايتات الـ%3 التي يذكرها رأسها (نسخ أو تنزيل لم يكتمل؟)؛ لم يُكتب فيها شيء. انسخها كاملة من جديد إن استطعت، وإلا يَنسخ الإصلاح ما يمكن قراءته إلى مكتبة جديدة بجانبها.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="93" />
        <source>%1 is whole, but the %2 beside it is not its own (another library's, left when a program holding that one was killed, or damaged); nothing was written. Move %2 and %3 elsewhere (keep them) to open the library as its file holds it, or Repair copies the file alone into a new library beside it.</source>
        <translation>%1 سليمة، لكن الملف %2 الذي بجانبها ليس لها (لمكتبة أخرى تُرك حين أُنهي برنامج كان يفتحها قسرًا، أو تالف)؛ لم يُكتب شيء. انقل %2 و‏%3 إلى مكان آخر (واحتفظ بهما) لتُفتح المكتبة كما يحفظها ملفها، أو يَنسخ الإصلاح الملف وحده إلى مكتبة جديدة بجانبها.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="100" />
        <source>%1 is open read-only: %2</source>
        <translation>%1 مفتوحة للقراءة فقط: %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="101" />
        <source>%1 is empty: it holds no library to repair</source>
        <translation>%1 ملف فارغ: لا مكتبة فيه لإصلاحها</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="102" />
        <source>%1 holds an unfinished write (its -journal file) that must be rolled back first, which needs the file and its folder to be writable: open it once where they can be written</source>
        <translation>في %1 كتابة لم تكتمل (ملف سجلّها الذي بجانبها) يجب التراجع عنها أولاً، وهذا يتطلب أن يكون الملف ومجلده قابلين للكتابة: افتحها مرة واحدة حيث يمكن الكتابة فيهما</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="108" />
        <source>opened read-only on request</source>
        <translation>فُتحت للقراءة فقط بطلب</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="109" />
        <source>its folder %1 is not writable (SQLite writes its -wal and -shm files beside the database); copy it to a writable folder to change it</source>
        <translation>لا يمكن الكتابة في مجلدها %1 (يكتب SQLite ملفَّي ‎-wal‎ و‎-shm‎ بجانب قاعدة البيانات)؛ انسخها إلى مجلد قابل للكتابة لتعديلها</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="114" />
        <source>the file is not writable</source>
        <translation>لا يمكن الكتابة في الملف</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="115" />
        <source>its table %1 is missing</source>
        <translation>جدولها %1 مفقود</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="116" />
        <source>its full-text index %1 is missing</source>
        <translation>فهرس البحث النصي فيها %1 مفقود</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="117" />
        <source>its index %1 is missing</source>
        <translation>فهرسها %1 مفقود</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="118" />
        <source>its trigger %1 is missing</source>
        <translation>مُشغِّلها %1 مفقود</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="119" />
        <source>its view %1 is missing</source>
        <translation>عرضها %1 مفقود</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="120" />
        <source>its table %1 has no column %2</source>
        <translation>جدولها %1 بلا العمود %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="121" />
        <source>its table %1 lacks a uniqueness constraint it needs</source>
        <translation>ينقص جدولَها %1 قيدُ تفرّدٍ يحتاج إليه</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="124" />
        <source>its table %1 cannot be read (%2)</source>
        <translation>تتعذّر قراءة جدولها %1 ‏(%2)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="125" />
        <source>its schema version %1 is none this program writes</source>
        <translation>رقم بنيتها %1 لا يكتبه هذا البرنامج</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="128" />
        <source>its upgrade from schema %1 stopped on what it holds (%2)</source>
        <translation>توقّف تحديثها من البنية %1 عند شيء موجود فيها (%2)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="131" />
        <source>no article #%1</source>
        <translation>لا توجد مقالة رقمها %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="132" />
        <source>no event #%1</source>
        <translation>لا يوجد حدث رقمه %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="133" />
        <source>no added event #%1</source>
        <translation>لا يوجد حدث مضاف رقمه %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="134" />
        <source>not a date this program can read: %1</source>
        <translation>ليس تاريخًا يستطيع البرنامج قراءته: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="135" />
        <source>a tag needs a name</source>
        <translation>يحتاج الوسم إلى اسم</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="136" />
        <source>a tag's name has at most %1 characters (%2 given)</source>
        <translation>لا يزيد اسم الوسم على %1 حرف (وطول المُدخل %2)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="139" />
        <source>a tag's name cannot hold ; or ؛: %1</source>
        <translation>لا يحوي اسم الوسم ; ولا ؛: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="140" />
        <source>not a colour: %1 (give #rrggbb)</source>
        <translation>ليس لونًا: %1 (يُكتب اللون # تليها ست خانات ست عشرية)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="141" />
        <source>no tag %1</source>
        <translation>لا يوجد وسم اسمه %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="142" />
        <source>no span %1:%2 in article #%3</source>
        <translation>لا يوجد في المقالة رقم %3 نصٌّ من الموضع %1 إلى الموضع %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="143" />
        <source>event #%1 is not a mention in the text</source>
        <translation>الحدث رقم %1 ليس تاريخًا مذكورًا في نص المقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="144" />
        <source>cannot correct %1: one of title, source, published</source>
        <translation>لا يُصحَّح الحقل %1: يُصحَّح العنوان أو المصدر أو تاريخ النشر فقط</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="147" />
        <source>a publication date is one line: %1</source>
        <translation>تاريخ النشر سطر واحد: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="148" />
        <source>not an ISO 8601 date and time: %1</source>
        <translation>ليس تاريخًا ووقتًا صحيحين بصيغة ISO 8601: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="149" />
        <source>a publication date is one date, not a range or a phrase: %1</source>
        <translation>تاريخ النشر تاريخ واحد، لا مدة ولا عبارة: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="152" />
        <source>a range ends after it starts: %1</source>
        <translation>المدة تنتهي بعد أن تبدأ: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="153" />
        <source>“%1”: a prefix search needs at least %2 letters before the *</source>
        <translation>«%1»: البحث ببادئة يحتاج %2 أحرف على الأقل قبل *</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="156" />
        <source>Excluding words (-word) needs at least one word to look for</source>
        <translation>استبعاد الكلمات (-كلمة) يحتاج كلمة واحدة على الأقل يُبحث عنها</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="159" />
        <source>Too many words: a search takes at most %1</source>
        <translation>كلمات كثيرة: يقبل البحث %1 كلمة على الأكثر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="162" />
        <source>Too long: a search takes at most %1 words in all, a phrase's too</source>
        <translation>بحث طويل: يقبل البحث %1 كلمة على الأكثر في مجموعه، وكلمات العبارة منها</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="166" />
        <source>The end of the date range is before its start</source>
        <translation>نهاية نطاق التواريخ قبل بدايته</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="169" />
        <source>This search matches too much to finish in time; make it narrower (a longer prefix, fewer alternatives)</source>
        <translation>هذا البحث يطابق أكثر مما يُنهى في وقته؛ ضيّقه (بادئة أطول، بدائل أقل)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="174" />
        <source>The library is busy; try the search again</source>
        <translation>المكتبة مشغولة؛ أعد البحث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/store_messages.py" line="175" />
        <source>The search could not run: %1</source>
        <translation>تعذّر تشغيل البحث: %1</translation>
    </message>
</context>
<context>
    <name>StoryPanel</name>
    <message numerus="yes">
        <location filename="../../timeline/ui/story_panel.py" line="159" />
        <source>%n only through other copies</source>
        <translation><numerusform>لا شيء عبر نسخ أخرى فقط</numerusform><numerusform>واحدة عبر نسخ أخرى فقط</numerusform><numerusform>اثنتان عبر نسخ أخرى فقط</numerusform><numerusform>%n عبر نسخ أخرى فقط</numerusform><numerusform>%n عبر نسخ أخرى فقط</numerusform><numerusform>%n عبر نسخ أخرى فقط</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="153" />
        <source>No copies of this story</source>
        <translation>لا نسخ أخرى لهذا الخبر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="200" />
        <source>first</source>
        <translation>الأولى</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="202" />
        <source>this article</source>
        <translation>هذه المقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="133" />
        <source>undated</source>
        <translation>بلا تاريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="55" />
        <source>Differences from the copy</source>
        <translation>الفروق عن النسخة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="73" />
        <source>Copies of this story</source>
        <translation>نسخ هذا الخبر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="74" />
        <source>Related articles</source>
        <translation>مقالات ذات صلة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/story_panel.py" line="168" />
        <source>%n hidden, not listed</source>
        <translation><numerusform>لا نسخ مخفية</numerusform><numerusform>نسخة مخفية لا تُسرد</numerusform><numerusform>نسختان مخفيتان لا تُسردان</numerusform><numerusform>%n نسخ مخفية لا تُسرد</numerusform><numerusform>%n نسخة مخفية لا تُسرد</numerusform><numerusform>%n نسخة مخفية لا تُسرد</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="175" />
        <source>Copies you hid are left out; Show hidden items, in the View menu, lists them.</source>
        <translation>النسخ التي أخفيتها لا تُسرد؛ يسردها «إظهار العناصر المخفية» في قائمة «عرض».</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/story_panel.py" line="187" />
        <source>Copies (%n)</source>
        <translation><numerusform>النسخ (%n)</numerusform><numerusform>النسخ (%n)</numerusform><numerusform>النسخ (%n)</numerusform><numerusform>النسخ (%n)</numerusform><numerusform>النسخ (%n)</numerusform><numerusform>النسخ (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="189" />
        <source>Copies</source>
        <translation>النسخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="207" />
        <source>through other copies</source>
        <translation>عبر نسخ أخرى</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="212" />
        <source>Click to see the words that differ; double-click to open</source>
        <translation>انقر لعرض الكلمات المختلفة، وانقر مرتين للفتح</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="216" />
        <source>This article shares little text with the one shown: it is in the story because it copies another copy (a roundup that reports both, say).</source>
        <translation>تشترك هذه المقالة في القليل من النص مع المقالة المعروضة: هي في الخبر لأنها تنسخ نسخة أخرى (كتقرير جامع يروي الخبرين).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/story_panel.py" line="230" />
        <source>… and %n more (timeline stories lists them all)</source>
        <translation><numerusform>…</numerusform><numerusform>… ونسخة أخرى (يسردها كلها الأمر ⁦timeline stories⁩)</numerusform><numerusform>… ونسختان أخريان (يسردها كلها الأمر ⁦timeline stories⁩)</numerusform><numerusform>… و%n نسخ أخرى (يسردها كلها الأمر ⁦timeline stories⁩)</numerusform><numerusform>… و%n نسخة أخرى (يسردها كلها الأمر ⁦timeline stories⁩)</numerusform><numerusform>… و%n نسخة أخرى (يسردها كلها الأمر ⁦timeline stories⁩)</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="241" />
        <source>No related articles</source>
        <translation>لا مقالات ذات صلة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/story_panel.py" line="246" />
        <source>Related (%n)</source>
        <translation><numerusform>ذات صلة (%n)</numerusform><numerusform>ذات صلة (%n)</numerusform><numerusform>ذات صلة (%n)</numerusform><numerusform>ذات صلة (%n)</numerusform><numerusform>ذات صلة (%n)</numerusform><numerusform>ذات صلة (%n)</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="248" />
        <source>Related</source>
        <translation>ذات صلة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="260" />
        <source>Shares these rare words with this article: %1
Score %2: more rare words shared and closer dates score higher. Double-click to open.</source>
        <translation>تشترك مع هذه المقالة في هذه الكلمات النادرة: %1
الدرجة %2: تعلو كلما زادت الكلمات النادرة المشتركة وتقاربت التواريخ. انقر مرتين لفتحها.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="277" />
        <source>(hidden)</source>
        <translation>(مخفية)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/story_panel.py" line="310" />
        <source>%n word(s) in common; marked: words only that copy has</source>
        <translation><numerusform>لا كلمات مشتركة؛ المظلَّل: كلمات لا توجد إلا في تلك النسخة</numerusform><numerusform>كلمة واحدة مشتركة؛ المظلَّل: كلمات لا توجد إلا في تلك النسخة</numerusform><numerusform>كلمتان مشتركتان؛ المظلَّل: كلمات لا توجد إلا في تلك النسخة</numerusform><numerusform>%n كلمات مشتركة؛ المظلَّل: كلمات لا توجد إلا في تلك النسخة</numerusform><numerusform>%n كلمةً مشتركة؛ المظلَّل: كلمات لا توجد إلا في تلك النسخة</numerusform><numerusform>%n كلمة مشتركة؛ المظلَّل: كلمات لا توجد إلا في تلك النسخة</numerusform></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1099" />
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1101" />
        <source>+%1, %2 found</source>
        <translation>+%1، وُجد منها %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1122" />
        <location filename="../../timeline/ui/timeline_view.py" line="1374" />
        <source>Published</source>
        <translation>تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1123" />
        <location filename="../../timeline/ui/timeline_view.py" line="1374" />
        <source>Mentioned</source>
        <translation>تاريخ مذكور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1124" />
        <source>Range</source>
        <translation>فترة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1128" />
        <source>%1 events in view: zoom in to see them one by one</source>
        <translation>%1 حدثاً في العرض: كبّر لرؤيتها واحداً واحداً</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1129" />
        <source>%1 events in view</source>
        <translation>%1 حدثاً في العرض</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1131" />
        <source>%1 events in view; reading them one by one…</source>
        <translation>%1 حدثاً في العرض؛ جارٍ قراءتها واحداً واحداً…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1132" />
        <source>%1 events in view…</source>
        <translation>%1 حدثاً في العرض…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1136" />
        <source>%1 events in view, none of them found by the search</source>
        <translation>%1 حدثاً في العرض، لم يجد البحث أيّاً منها</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1137" />
        <source>%1 events in view, none found</source>
        <translation>%1 حدثاً في العرض، لم يوجد منها شيء</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1141" />
        <source>%1 events in view, %2 found by the search: zoom in to see them one by one</source>
        <translation>%1 حدثاً في العرض، وجد البحث منها %2: كبّر لرؤيتها واحداً واحداً</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1143" />
        <source>%1 events in view, %2 found</source>
        <translation>%1 حدثاً في العرض، وُجد منها %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/timeline_view.py" line="1149" />
        <source>and %n longer range(s) spanning the whole view</source>
        <translation><numerusform>ولا فترات أطول تغطي العرض كله</numerusform><numerusform>وفترة أطول تغطي العرض كله</numerusform><numerusform>وفترتان أطول تغطيان العرض كله</numerusform><numerusform>و%n فترات أطول تغطي العرض كله</numerusform><numerusform>و%n فترة أطول تغطي العرض كله</numerusform><numerusform>و%n فترة أطول تغطي العرض كله</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/timeline_view.py" line="1150" />
        <source>and %n longer range(s)</source>
        <translation><numerusform>ولا فترات أطول</numerusform><numerusform>وفترة أطول</numerusform><numerusform>وفترتان أطول</numerusform><numerusform>و%n فترات أطول</numerusform><numerusform>و%n فترة أطول</numerusform><numerusform>و%n فترة أطول</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/timeline_view.py" line="1153" />
        <source>and %n longer range(s) found by the search spanning the whole view</source>
        <translation><numerusform>ولا فترات أطول تطابق البحث تغطي العرض كله</numerusform><numerusform>وفترة أطول تطابق البحث تغطي العرض كله</numerusform><numerusform>وفترتان أطول تطابقان البحث تغطيان العرض كله</numerusform><numerusform>و%n فترات أطول تطابق البحث تغطي العرض كله</numerusform><numerusform>و%n فترة أطول تطابق البحث تغطي العرض كله</numerusform><numerusform>و%n فترة أطول تطابق البحث تغطي العرض كله</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/timeline_view.py" line="1155" />
        <source>and %n longer range(s) found</source>
        <translation><numerusform>ولا فترات أطول تطابق البحث</numerusform><numerusform>وفترة أطول تطابق البحث</numerusform><numerusform>وفترتان أطول تطابقان البحث</numerusform><numerusform>و%n فترات أطول تطابق البحث</numerusform><numerusform>و%n فترة أطول تطابق البحث</numerusform><numerusform>و%n فترة أطول تطابق البحث</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1274" />
        <source>Zoom in / out about the middle</source>
        <translation>تكبير / تصغير حول الوسط</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1275" />
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1276" />
        <source>Zoom in / out about the pointer</source>
        <translation>تكبير / تصغير حول المؤشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1276" />
        <source>Mouse wheel</source>
        <translation>عجلة الفأرة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1277" />
        <source>Zoom in twice about the pointer</source>
        <translation>تكبير مرتين حول المؤشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1277" />
        <source>Double click</source>
        <translation>نقر مزدوج</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1278" />
        <location filename="../../timeline/ui/timeline_view.py" line="1279" />
        <source>Move along the time</source>
        <translation>التنقل على محور الزمن</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1279" />
        <source>Drag</source>
        <translation>السحب</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1280" />
        <source>A screen earlier / later</source>
        <translation>شاشة أسبق / أحدث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1281" />
        <source>Next / previous event</source>
        <translation>الحدث التالي / السابق</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1282" />
        <source>Scroll the lanes of events</source>
        <translation>تمرير صفوف الأحداث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1283" />
        <source>The days the articles were published in</source>
        <translation>أيام نشر المقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1284" />
        <source>Clear the selection</source>
        <translation>إلغاء التحديد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1345" />
        <source>%1 more: zoom in to reach them</source>
        <translation>%1 غيرها: كبّر للوصول إليها</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1395" />
        <source>%1 events</source>
        <translation>%1 حدثاً</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1399" />
        <source>%1 match the search</source>
        <translation>%1 منها تطابق البحث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1420" />
        <source>%1 more</source>
        <translation>%1 غيرها</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1434" />
        <source>%1 events in view are not in the lanes shown: click to list them (Up and Down, or Shift and the wheel, scroll the lanes)</source>
        <translation>%1 حدثاً في العرض ليست في المسارات الظاهرة: انقر لعرض قائمتها (السهمان للأعلى وللأسفل، أو Shift مع العجلة، يمرّران المسارات)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="1439" />
        <source>%1 events in view are not in the lanes shown, %2 of them found by the search (the others are dimmed): click to list them (Up and Down, or Shift and the wheel, scroll the lanes)</source>
        <translation>%1 حدثاً في العرض ليست في المسارات الظاهرة، وجد البحث منها %2 (والباقي باهت): انقر لعرض قائمتها (السهمان للأعلى وللأسفل، أو Shift مع العجلة، يمرّران المسارات)</translation>
    </message>
</context>
<context>
    <name>Upgrade</name>
    <message>
        <location filename="../../timeline/ui/app.py" line="186" />
        <source>Upgrading the library for this version of the program…</source>
        <translation>تحديث المكتبة لهذا الإصدار من البرنامج…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/app.py" line="190" />
        <source>News Timeline</source>
        <translation>الخط الزمني للأخبار</translation>
    </message>
</context>
<context>
    <name>WindowEdits</name>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="386" />
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="388" />
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="402" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="566" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="573" />
        <source>Correct publication &amp;date…</source>
        <translation>تصحيح &amp;تاريخ النشر…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="406" />
        <source>Correct &amp;title…</source>
        <translation>تصحيح ال&amp;عنوان…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="407" />
        <source>Correct &amp;source…</source>
        <translation>تصحيح الم&amp;صدر…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="408" />
        <source>&amp;Add event to this article…</source>
        <translation>إ&amp;ضافة حدث إلى هذه المقالة…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="413" />
        <source>&amp;Hide this article</source>
        <translation>إ&amp;خفاء هذه المقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="414" />
        <source>Ta&amp;g this article…</source>
        <translation>&amp;وسم هذه المقالة…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="415" />
        <source>&amp;Note…</source>
        <translation>&amp;ملاحظة…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="328" />
        <source>Show &amp;hidden items</source>
        <translation>إظهار العناصر المخ&amp;فية</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="344" />
        <source>Saving: %1…</source>
        <translation>جارٍ الحفظ: %1…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="357" />
        <source>Not saved: %1</source>
        <translation>لم يُحفظ: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="410" />
        <source>Add a standalone &amp;event…</source>
        <translation>إضافة حدث م&amp;ستقل…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="417" />
        <source>&amp;Unhide</source>
        <translation>إ&amp;ظهار ما أُخفي</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="445" />
        <source>Nothing is hidden</source>
        <translation>لا شيء مخفي</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/edit_dialogs.py" line="463" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="474" />
        <source>%n more hidden</source>
        <translation><numerusform>لا شيء آخر مخفي</numerusform><numerusform>وعنصر آخر مخفي</numerusform><numerusform>وعنصران آخران مخفيان</numerusform><numerusform>و%n عناصر أخرى مخفية</numerusform><numerusform>و%n عنصرًا آخر مخفيًا</numerusform><numerusform>و%n عنصر آخر مخفي</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="457" />
        <source>Show all</source>
        <translation>إظهار الكل</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="548" />
        <source>Correct the date…</source>
        <translation>تصحيح التاريخ…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="549" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="654" />
        <source>Not a date</source>
        <translation>ليس تاريخاً</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="557" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="660" />
        <source>Use the computed date</source>
        <translation>استخدام التاريخ المحسوب</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="577" />
        <source>Remove this event</source>
        <translation>حذف هذا الحدث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="583" />
        <source>Show this event again</source>
        <translation>إظهار هذا الحدث من جديد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="585" />
        <source>Hide this event</source>
        <translation>إخفاء هذا الحدث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="586" />
        <source>Tag this event…</source>
        <translation>وسم هذا الحدث…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="643" />
        <source>Correct the date</source>
        <translation>تصحيح التاريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="640" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="648" />
        <source>Correct a date</source>
        <translation>تصحيح تاريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="455" />
        <source>&amp;All hidden items…</source>
        <translation>&amp;كل المخفي…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="668" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="672" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="680" />
        <source>Correct publication date</source>
        <translation>تصحيح تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="687" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="702" />
        <source>Correct title</source>
        <translation>تصحيح العنوان</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="687" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="702" />
        <source>Correct source</source>
        <translation>تصحيح المصدر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="706" />
        <source>Title:</source>
        <translation>العنوان:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="706" />
        <source>Source:</source>
        <translation>المصدر:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="722" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="724" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="729" />
        <source>Add an event</source>
        <translation>إضافة حدث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="734" />
        <source>Remove an event</source>
        <translation>حذف حدث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="741" />
        <source>Hide an article</source>
        <translation>إخفاء مقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="752" />
        <source>Article hidden; Unhide, in the Edit menu, shows it again (Ctrl+Z undoes)</source>
        <translation>أُخفيت المقالة؛ يُظهرها «إظهار ما أُخفي» في قائمة «تحرير» (ويتراجع عنه ⁦Ctrl+Z⁩)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="773" />
        <source>Hide an event</source>
        <translation>إخفاء حدث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="784" />
        <source>Show hidden items</source>
        <translation>إظهار العناصر المخفية</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="796" />
        <source>Tag</source>
        <translation>وسم</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="792" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="827" />
        <source>Tag (a new name makes a new tag):</source>
        <translation>الوسم (اسم جديد ينشئ وسماً جديداً):</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="819" />
        <source>A tag's name has at most %1 characters; this one has %2.</source>
        <translation>لا يزيد اسم الوسم على %1 حرف، وطول هذا الاسم %2.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="824" />
        <source>A tag's name cannot hold ; or ؛ (they separate tags in exports).</source>
        <translation>لا يحوي اسم الوسم ; ولا ؛ (تفصلان بين الوسوم في الملفات المصدَّرة).</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="832" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="837" />
        <source>Tag an article</source>
        <translation>وسم مقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="842" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="847" />
        <source>Tag an event</source>
        <translation>وسم حدث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="854" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="859" />
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
</context>
<context>
    <name>WindowExporter</name>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="307" />
        <location filename="../../timeline/ui/export_dialog.py" line="337" />
        <location filename="../../timeline/ui/export_dialog.py" line="472" />
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="338" />
        <source>%1 already exists. Replace it?</source>
        <translation>%1 موجود من قبل. أأستبدله؟</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="369" />
        <source>An export is already being written</source>
        <translation>يجري الآن كتابة تصدير آخر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="422" />
        <source>Export cancelled: no file was written</source>
        <translation>أُلغي التصدير: لم يُكتب أي ملف</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/export_dialog.py" line="435" />
        <source>Exported %n article(s) to %1</source>
        <translation><numerusform>لم تُصدَّر أي مقالة إلى %1</numerusform><numerusform>صُدّرت مقالة واحدة إلى %1</numerusform><numerusform>صُدّرت مقالتان إلى %1</numerusform><numerusform>صُدّرت %n مقالات إلى %1</numerusform><numerusform>صُدّرت %n مقالة إلى %1</numerusform><numerusform>صُدّرت %n مقالة إلى %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/export_dialog.py" line="437" />
        <source>Exported %n event(s) to %1</source>
        <translation><numerusform>لم يُصدَّر أي حدث إلى %1</numerusform><numerusform>صُدّر حدث واحد إلى %1</numerusform><numerusform>صُدّر حدثان إلى %1</numerusform><numerusform>صُدّرت %n أحداث إلى %1</numerusform><numerusform>صُدّر %n حدثًا إلى %1</numerusform><numerusform>صُدّر %n حدث إلى %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/export_dialog.py" line="445" />
        <source>%n undated article(s) left out: this format places every article on its date</source>
        <translation><numerusform>لا مقالات غير مؤرخة مستبعدة: هذه الصيغة تضع كل مقالة على تاريخها</numerusform><numerusform>استُبعدت مقالة واحدة غير مؤرخة: هذه الصيغة تضع كل مقالة على تاريخها</numerusform><numerusform>استُبعدت مقالتان غير مؤرختين: هذه الصيغة تضع كل مقالة على تاريخها</numerusform><numerusform>استُبعدت %n مقالات غير مؤرخة: هذه الصيغة تضع كل مقالة على تاريخها</numerusform><numerusform>استُبعدت %n مقالة غير مؤرخة: هذه الصيغة تضع كل مقالة على تاريخها</numerusform><numerusform>استُبعدت %n مقالة غير مؤرخة: هذه الصيغة تضع كل مقالة على تاريخها</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/export_dialog.py" line="456" />
        <source>%n row(s) with a text cut at a cell's 32,767 characters (CSV and JSON Lines keep every character)</source>
        <translation><numerusform>لا صفوف قُصّ نصها</numerusform><numerusform>صف واحد قُصّ نصه عند 32,767 حرفًا، أقصى ما تحمله الخلية (CSV وJSON Lines يحفظان كل حرف)</numerusform><numerusform>صفان قُصّ نصهما عند 32,767 حرفًا، أقصى ما تحمله الخلية (CSV وJSON Lines يحفظان كل حرف)</numerusform><numerusform>%n صفوف قُصّ نصها عند 32,767 حرفًا، أقصى ما تحمله الخلية (CSV وJSON Lines يحفظان كل حرف)</numerusform><numerusform>%n صفًا قُصّ نصه عند 32,767 حرفًا، أقصى ما تحمله الخلية (CSV وJSON Lines يحفظان كل حرف)</numerusform><numerusform>%n صف قُصّ نصه عند 32,767 حرفًا، أقصى ما تحمله الخلية (CSV وJSON Lines يحفظان كل حرف)</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="479" />
        <source>Printing is not available in this build</source>
        <translation>الطباعة غير متاحة في هذه النسخة من البرنامج</translation>
    </message>
</context>
<context>
    <name>WindowRecompute</name>
    <message>
        <location filename="../../timeline/ui/recompute.py" line="34" />
        <source>Not started: %1</source>
        <translation>لم تبدأ: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/recompute.py" line="39" />
        <location filename="../../timeline/ui/recompute.py" line="71" />
        <location filename="../../timeline/ui/recompute.py" line="101" />
        <source>Recompute dates</source>
        <translation>إعادة قراءة التواريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/recompute.py" line="41" />
        <source>Read every article's dates and events again with this version's rules? Your corrections are kept. It writes the whole store at once: cancelled, nothing is changed.</source>
        <translation>هل تُقرأ تواريخ كل المقالات وأحداثها من جديد بقواعد هذا الإصدار؟ تبقى تصحيحاتك كما هي. تُكتب في المخزن كله دفعة واحدة: إن أُلغيت لا يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/recompute.py" line="63" />
        <source>Dating the text of the articles whose publication date you gave…</source>
        <translation>جارٍ تأريخ نصوص المقالات التي أعطيتَ تاريخ نشرها…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/recompute.py" line="65" />
        <source>Reading the dates of the articles changed by another program…</source>
        <translation>جارٍ قراءة تواريخ المقالات التي غيّرها برنامج آخر…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/recompute.py" line="67" />
        <source>Reading the dates again…</source>
        <translation>جارٍ قراءة التواريخ من جديد…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/recompute.py" line="79" />
        <source>The text of %n article(s) is dated from the publication date you gave</source>
        <translation><numerusform>لم يُؤرَّخ نص أي مقالة</numerusform><numerusform>صار نص مقالة واحدة يُؤرَّخ من تاريخ النشر الذي أعطيته</numerusform><numerusform>صار نص مقالتين يُؤرَّخ من تاريخ النشر الذي أعطيته</numerusform><numerusform>صارت نصوص %n مقالات تُؤرَّخ من تاريخ النشر الذي أعطيته</numerusform><numerusform>صارت نصوص %n مقالة تُؤرَّخ من تاريخ النشر الذي أعطيته</numerusform><numerusform>صارت نصوص %n مقالة تُؤرَّخ من تاريخ النشر الذي أعطيته</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/recompute.py" line="85" />
        <source>Another program changed %n article(s): their dates were read again</source>
        <translation><numerusform>لم يغيّر برنامج آخر أي مقالة</numerusform><numerusform>غيّر برنامج آخر مقالة واحدة: قُرئت تواريخها من جديد</numerusform><numerusform>غيّر برنامج آخر مقالتين: قُرئت تواريخهما من جديد</numerusform><numerusform>غيّر برنامج آخر %n مقالات: قُرئت تواريخها من جديد</numerusform><numerusform>غيّر برنامج آخر %n مقالة: قُرئت تواريخها من جديد</numerusform><numerusform>غيّر برنامج آخر %n مقالة: قُرئت تواريخها من جديد</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/recompute.py" line="88" />
        <source>The dates of %n article(s) were read again</source>
        <translation><numerusform>لم تُقرأ تواريخ أي مقالة</numerusform><numerusform>قُرئ تاريخ مقالة واحدة من جديد</numerusform><numerusform>قُرئت تواريخ مقالتين من جديد</numerusform><numerusform>قُرئت تواريخ %n مقالات من جديد</numerusform><numerusform>قُرئت تواريخ %n مقالة من جديد</numerusform><numerusform>قُرئت تواريخ %n مقالة من جديد</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/recompute.py" line="95" />
        <source>Recompute cancelled: nothing was changed</source>
        <translation>أُلغيت إعادة القراءة: لم يتغير شيء</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/recompute.py" line="98" />
        <source>The dates were not read again; nothing was changed: %1</source>
        <translation>لم تُقرأ التواريخ من جديد، ولم يتغير شيء: %1</translation>
    </message>
</context>
<context>
    <name>WindowRemoval</name>
    <message>
        <location filename="../../timeline/ui/removal.py" line="67" />
        <source>This article names no file it came from</source>
        <translation>لا تذكر هذه المقالة ملفًا جاءت منه</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/removal.py" line="51" />
        <source>Remove “%1” from the library, with its events? Your corrections, tags and note of it are kept and come back if it is imported again. This cannot be undone.</source>
        <translation>هل تُزال «%1» من المكتبة مع أحداثها؟ تبقى تصحيحاتك ووسومك وملاحظتك عليها، وتعود معها إن استُوردت من جديد. لا يمكن التراجع عن هذا.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/removal.py" line="71" />
        <source>Remove every article read from “%1” from the library, with their events? Your corrections, tags and notes of them are kept and come back if they are imported again. This cannot be undone.</source>
        <translation>هل تُزال من المكتبة كل المقالات المقروءة من «%1» مع أحداثها؟ تبقى تصحيحاتك ووسومك وملاحظاتك عليها، وتعود معها إن استُوردت من جديد. لا يمكن التراجع عن هذا.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/removal.py" line="120" />
        <source>Choose an article first</source>
        <translation>اختر مقالة أولًا</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/removal.py" line="107" />
        <source>Not removed: %1</source>
        <translation>لم تُزَل: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/removal.py" line="83" />
        <source>No import in this window added articles</source>
        <translation>لم يُضف أي استيراد في هذه النافذة مقالات</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/removal.py" line="91" />
        <source>Remove the %n article(s) the last import added (from %1) from the library, with their events? Your corrections, tags and notes of them are kept and come back if they are imported again. This cannot be undone.</source>
        <translation><numerusform>هل تُزال من المكتبة المقالات التي أضافها آخر استيراد (من %1) مع أحداثها؟ تبقى تصحيحاتك ووسومك وملاحظاتك عليها، وتعود معها إن استُوردت من جديد. لا يمكن التراجع عن هذا.</numerusform><numerusform>هل تُزال من المكتبة المقالة التي أضافها آخر استيراد (من %1) مع أحداثها؟ تبقى تصحيحاتك ووسومك وملاحظتك عليها، وتعود معها إن استُوردت من جديد. لا يمكن التراجع عن هذا.</numerusform><numerusform>هل تُزال من المكتبة المقالتان اللتان أضافهما آخر استيراد (من %1) مع أحداثهما؟ تبقى تصحيحاتك ووسومك وملاحظاتك عليهما، وتعودان معهما إن استُوردتا من جديد. لا يمكن التراجع عن هذا.</numerusform><numerusform>هل تُزال من المكتبة المقالات الـ%n التي أضافها آخر استيراد (من %1) مع أحداثها؟ تبقى تصحيحاتك ووسومك وملاحظاتك عليها، وتعود معها إن استُوردت من جديد. لا يمكن التراجع عن هذا.</numerusform><numerusform>هل تُزال من المكتبة المقالات الـ%n التي أضافها آخر استيراد (من %1) مع أحداثها؟ تبقى تصحيحاتك ووسومك وملاحظاتك عليها، وتعود معها إن استُوردت من جديد. لا يمكن التراجع عن هذا.</numerusform><numerusform>هل تُزال من المكتبة المقالات الـ%n التي أضافها آخر استيراد (من %1) مع أحداثها؟ تبقى تصحيحاتك ووسومك وملاحظاتك عليها، وتعود معها إن استُوردت من جديد. لا يمكن التراجع عن هذا.</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/removal.py" line="111" />
        <source>This library is read-only: nothing can be removed from it</source>
        <translation>هذه المكتبة للقراءة فقط: لا يمكن إزالة شيء منها</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/removal.py" line="145" />
        <location filename="../../timeline/ui/removal.py" line="149" />
        <location filename="../../timeline/ui/removal.py" line="163" />
        <location filename="../../timeline/ui/removal.py" line="185" />
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/removal.py" line="162" />
        <source>Removing articles…</source>
        <translation>جارٍ إزالة المقالات…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/removal.py" line="172" />
        <source>%n article(s) removed</source>
        <translation><numerusform>لم تُزَل أي مقالة</numerusform><numerusform>أُزيلت مقالة واحدة</numerusform><numerusform>أُزيلت مقالتان</numerusform><numerusform>أُزيلت %n مقالات</numerusform><numerusform>أُزيلت %n مقالة</numerusform><numerusform>أُزيلت %n مقالة</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/removal.py" line="182" />
        <source>Removal cancelled: nothing was removed</source>
        <translation>أُلغيت الإزالة: لم يُزَل شيء</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/removal.py" line="184" />
        <source>Nothing was removed: %1</source>
        <translation>لم يُزَل شيء: %1</translation>
    </message>
</context>
</TS>