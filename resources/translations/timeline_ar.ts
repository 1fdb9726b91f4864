<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>About</name>
    <message>
        <location filename="../../timeline/ui/about.py" line="36" />
        <source>News Timeline</source>
        <translation>الخط الزمني للأخبار</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/about.py" line="38" />
        <source>Version {version}</source>
        <translation>الإصدار {version}</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/about.py" line="41" />
        <source>An Arabic-first timeline of news articles and the dates they mention.</source>
        <translation>خط زمني للمقالات الإخبارية وللتواريخ التي تذكرها، بالعربية أولاً.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/about.py" line="47" />
        <source>Includes the Noto Sans and Noto Sans Arabic fonts, licensed under the SIL Open Font License 1.1.</source>
        <translation>يتضمن خطَّي Noto Sans وNoto Sans Arabic المرخّصين برخصة SIL Open Font License 1.1.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/about.py" line="53" />
        <source>Qt {qt} (PySide6 {pyside})</source>
        <translation>Qt {qt} ‏(PySide6 {pyside})</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/about.py" line="64" />
        <source>About News Timeline</source>
        <translation>عن الخط الزمني للأخبار</translation>
    </message>
</context>
<context>
    <name>ColourLegend</name>
    <message>
        <location filename="../../timeline/ui/colour_legend.py" line="39" />
        <source>Legend</source>
        <translation>دليل الألوان</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/colour_legend.py" line="47" />
        <source>By kind</source>
        <translation>حسب النوع</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/colour_legend.py" line="48" />
        <source>By tag</source>
        <translation>حسب الوسم</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/colour_legend.py" line="49" />
        <source>By source</source>
        <translation>حسب المصدر</translation>
    </message>
</context>
<context>
    <name>DateDialog</name>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="78" />
        <source>for example 10 شوال 1442 هـ, 1950-1953, 22 May 2021</source>
        <translation>مثلاً 10 شوال 1442 هـ، 1950-1953، 22 May 2021</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="85" />
        <source>Not a date</source>
        <translation>ليس تاريخاً</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="92" />
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="93" />
        <source>Understood as</source>
        <translation>فُهم على أنه</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="95" />
        <source>Label</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="110" />
        <source>(not understood)</source>
        <translation>(لم يُفهم)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="111" />
        <source>(not a date)</source>
        <translation>(ليس تاريخاً)</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="457" />
        <source>Events in this article</source>
        <translation>الأحداث في هذه المقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="491" />
        <location filename="../../timeline/ui/detail_pane.py" line="657" />
        <source>Select an article to read it here.</source>
        <translation>اختر مقالة لقراءتها هنا.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="527" />
        <source>No article matches %1.</source>
        <translation>لا توجد مقالة تطابق %1.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="614" />
        <source>The article could not be read: %1</source>
        <translation>تعذّرت قراءة المقال: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="623" />
        <source>Reading the article…</source>
        <translation>جارٍ قراءة المقال…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="751" />
        <source>As written: %1</source>
        <translation>كما كُتب: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="754" />
        <source>Published: %1</source>
        <translation>تاريخ النشر: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="762" />
        <source>Publication date could not be read</source>
        <translation>تعذّرت قراءة تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="764" />
        <source>Source: %1</source>
        <translation>المصدر: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="765" />
        <source>Author: %1</source>
        <translation>الكاتب: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="766" />
        <source>Caption: %1</source>
        <translation>التعليق على الصورة: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="767" />
        <source>Link: %1</source>
        <translation>الرابط: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="774" />
        <source>Summary from the feed (the feed did not carry the full text)</source>
        <translation>ملخص من الموجز (لم يحمل الموجز النص الكامل)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="780" />
        <source>Captured by a web crawl: %1 (not the publication date)</source>
        <translation>التقطه زحف الويب: %1 (ليس تاريخ النشر)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="806" />
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="807" />
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="808" />
        <source>Publication date</source>
        <translation>تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="816" />
        <source>%1 corrected: %2  ·  computed: %3</source>
        <translation>%1 مصحَّح: %2  ·  المحسوب: %3</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="823" />
        <source>Hidden from the timeline</source>
        <translation>مخفية من الخط الزمني</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="825" />
        <location filename="../../timeline/ui/detail_pane.py" line="876" />
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="826" />
        <source>Tags: %1</source>
        <translation>الوسوم: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="828" />
        <source>Note: %1</source>
        <translation>ملاحظة: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="832" />
        <source>A correction of “%1” no longer finds its text (kept)</source>
        <translation>تصحيح «%1» لم يعد يجد نصه (محفوظ)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="840" />
        <location filename="../../timeline/ui/detail_pane.py" line="857" />
        <source>not a date</source>
        <translation>ليس تاريخاً</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="855" />
        <source>computed</source>
        <translation>محسوب</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="856" />
        <source>corrected</source>
        <translation>مصحَّح</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="858" />
        <source>added</source>
        <translation>مضاف</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="872" />
        <source>computed: %1</source>
        <translation>المحسوب: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="874" />
        <source>hidden</source>
        <translation>مخفي</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="943" />
        <source>published</source>
        <translation>نُشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="944" />
        <source>mentioned</source>
        <translation>ذُكر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="945" />
        <source>duration</source>
        <translation>مدة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="947" />
        <source>vague</source>
        <translation>غير محدد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="946" />
        <source>recurring</source>
        <translation>متكرر</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="96" />
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="98" />
        <source>TimelineJS (JSON)</source>
        <translation>TimelineJS ‏(JSON)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="99" />
        <source>The Timeline Project (.timeline)</source>
        <translation>برنامج The Timeline Project ‏(.timeline)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="100" />
        <source>Articles as CSV</source>
        <translation>المقالات بصيغة CSV</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="101" />
        <source>Articles as JSON Lines</source>
        <translation>المقالات بصيغة JSON Lines</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="102" />
        <source>Events as CSV</source>
        <translation>الأحداث بصيغة CSV</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="103" />
        <source>Events as JSON Lines</source>
        <translation>الأحداث بصيغة JSON Lines</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="104" />
        <source>Image (PNG)</source>
        <translation>صورة (PNG)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="105" />
        <source>Image (SVG)</source>
        <translation>صورة (SVG)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="106" />
        <source>Document (PDF)</source>
        <translation>مستند (PDF)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="125" />
        <source>Exports what the window shows: the articles the search finds, and their events in the visible stretch of time.</source>
        <translation>يصدّر ما تعرضه النافذة: المقالات التي يجدها البحث، وأحداثها في الفترة الظاهرة من الزمن.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="139" />
        <source>&amp;Format:</source>
        <translation>ال&amp;صيغة:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="140" />
        <source>&amp;Width:</source>
        <translation>ال&amp;عرض:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="141" />
        <source>&amp;Height:</source>
        <translation>الا&amp;رتفاع:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="142" />
        <source>&amp;Scale (PNG):</source>
        <translation>الم&amp;قياس (PNG):</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="187" />
        <location filename="../../timeline/ui/main_window.py" line="508" />
        <source>News Timeline</source>
        <translation>الخط الزمني للأخبار</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="194" />
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="205" />
        <source>Timeline</source>
        <translation>الخط الزمني</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="279" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="280" />
        <source>&amp;Import files…</source>
        <translation>&amp;استيراد ملفات…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="284" />
        <source>Import &amp;folder…</source>
        <translation>استيراد &amp;مجلد…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="293" />
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="296" />
        <source>&amp;Print…</source>
        <translation>&amp;طباعة…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="299" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="303" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="304" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="305" />
        <source>&amp;Search…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="309" />
        <source>Article &amp;list</source>
        <translation>&amp;قائمة المقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="314" />
        <source>&amp;Colour events</source>
        <translation>&amp;تلوين الأحداث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="316" />
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="317" />
        <source>&amp;About</source>
        <translation>&amp;عن البرنامج</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="337" />
        <source>&amp;Timeline</source>
        <translation>ال&amp;خط الزمني</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="338" />
        <source>Article &amp;text</source>
        <translation>&amp;نص المقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="340" />
        <source>&amp;Fit all</source>
        <translation>عرض ال&amp;كل</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="341" />
        <source>Show each story &amp;once</source>
        <translation>اعرض كل خبر &amp;مرة واحدة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="344" />
        <source>List a story reprinted by several outlets once, as its earliest copy</source>
        <translation>اعرض الخبر الذي أعادت نشره عدة وسائل مرة واحدة، بأقدم نسخة منه</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="348" />
        <source>Zoom &amp;in</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="349" />
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="350" />
        <source>&amp;Go to date…</source>
        <translation>الا&amp;نتقال إلى تاريخ…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="352" />
        <source>&amp;Settings</source>
        <translation>الإ&amp;عدادات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="354" />
        <source>Arabic &amp;month names</source>
        <translation>أسماء ال&amp;شهور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="359" />
        <source>Levantine (كانون الثاني، شباط…)</source>
        <translation>الشامية (كانون الثاني، شباط…)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="360" />
        <source>Egyptian and Gulf (يناير، فبراير…)</source>
        <translation>المصرية والخليجية (يناير، فبراير…)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="361" />
        <source>Maghrebi (جانفي، فيفري…)</source>
        <translation>المغاربية (جانفي، فيفري…)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="365" />
        <source>&amp;Digits</source>
        <translation>الأ&amp;رقام</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="369" />
        <source>Western (2021)</source>
        <translation>غربية (2021)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="369" />
        <source>Arabic-Indic (٢٠٢١)</source>
        <translation>هندية (٢٠٢١)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="372" />
        <source>Time &amp;direction</source>
        <translation>ا&amp;تجاه الزمن</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="382" />
        <source>As the interface language</source>
        <translation>حسب لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="383" />
        <source>Left to right</source>
        <translation>من اليسار إلى اليمين</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="384" />
        <source>Right to left</source>
        <translation>من اليمين إلى اليسار</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="388" />
        <source>&amp;Hijri dates under the axis</source>
        <translation>التواريخ ال&amp;هجرية تحت المحور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="437" />
        <location filename="../../timeline/ui/main_window.py" line="446" />
        <source>Go to date</source>
        <translation>الانتقال إلى تاريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="438" />
        <source>Date (for example 1973-10-06, ٦ أكتوبر ١٩٧٣ or 10 رمضان 1393 هـ):</source>
        <translation>التاريخ (مثلاً ٦ أكتوبر ١٩٧٣ أو 10 رمضان 1393 هـ أو 1973-10-06):</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="447" />
        <source>Not a date I can read: %1</source>
        <translation>لا أستطيع قراءة هذا التاريخ: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="468" />
        <source>%n article(s)</source>
        <translation><numerusform>لا مقالات</numerusform><numerusform>مقالة واحدة</numerusform><numerusform>مقالتان</numerusform><numerusform>%n مقالات</numerusform><numerusform>%n مقالة</numerusform><numerusform>%n مقالة</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="471" />
        <source>%1 of %n article(s)</source>
        <translation><numerusform>%1 من أصل 0 مقالة</numerusform><numerusform>%1 من أصل مقالة واحدة</numerusform><numerusform>%1 من أصل مقالتين</numerusform><numerusform>%1 من أصل %n مقالات</numerusform><numerusform>%1 من أصل %n مقالة</numerusform><numerusform>%1 من أصل %n مقالة</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="477" />
        <source>%n event(s) on the timeline</source>
        <translation><numerusform>لا أحداث على الخط الزمني</numerusform><numerusform>حدث واحد على الخط الزمني</numerusform><numerusform>حدثان على الخط الزمني</numerusform><numerusform>%n أحداث على الخط الزمني</numerusform><numerusform>%n حدثًا على الخط الزمني</numerusform><numerusform>%n حدث على الخط الزمني</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="504" />
        <source>The article store cannot be read: %1</source>
        <translation>تتعذّر قراءة مخزن المقالات: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="615" />
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="617" />
        <source>from %1</source>
        <translation>من المصدر %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="622" />
        <source>dated %1 to %2</source>
        <translation>بتواريخ من %1 إلى %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="623" />
        <source>published %1 to %2</source>
        <translation>منشورة من %1 إلى %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="624" />
        <source>mentioning %1 to %2</source>
        <translation>تذكر تواريخ من %1 إلى %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="628" />
        <source>, </source>
        <translation>، </translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="768" />
        <source>%n copies</source>
        <translation><numerusform>لا نسخ</numerusform><numerusform>نسخة واحدة</numerusform><numerusform>نسختان</numerusform><numerusform>%n نسخ</numerusform><numerusform>%n نسخة</numerusform><numerusform>%n نسخة</numerusform></translation>
    </message>
    <message>
        <source>%1 articles, %2 events</source>
        <translation>المقالات: %1، الأحداث: %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="911" />
        <source>Timeline not loaded: %1</source>
        <translation>لم يُحمَّل الخط الزمني: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="944" />
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="946" />
        <source>Articles (*.txt *.jsonl *.ndjson *.json);;All files (*)</source>
        <translation>المقالات (*.txt *.jsonl *.ndjson *.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="952" />
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد مقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="983" />
        <source>An import is running: wait for it to finish or cancel it</source>
        <translation>يجري استيراد الآن: انتظر انتهاءه أو ألغِه</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="989" />
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="990" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="992" />
        <source>Importing articles</source>
        <translation>استيراد المقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1009" />
        <source>Importing %1</source>
        <translation>جارٍ استيراد %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1020" />
        <source>Import cancelled</source>
        <translation>أُلغي الاستيراد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1026" />
        <source>%1 added, %2 already stored, %3 failed files.</source>
        <translation>أضيفت: %1، موجودة من قبل: %2، ملفات تعذّر استيرادها: %3.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1034" />
        <source>Import</source>
        <translation>الاستيراد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="1043" />
        <source>Import failed</source>
        <translation>تعذّر الاستيراد</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="107" />
        <source>Search articles: words, "a phrase", prefix*, -exclude, OR</source>
        <translation>ابحث في المقالات: كلمات، "عبارة"، بادئة*، -استبعاد، OR</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="111" />
        <source>Spelling variants match: ايار finds أيّار, ٢٠٢١ finds 2021.
Words must all occur; "quotes" keep a phrase; word* is a prefix;
-word excludes a word; OR gives alternatives.</source>
        <translation>تتطابق صيغ الكتابة: ايار تجد أيّار، و٢٠٢١ تجد 2021.
يجب أن ترد الكلمات كلها؛ "علامتا التنصيص" تحفظان العبارة؛ كلمة* بادئة؛
-كلمة تستبعد الكلمة؛ OR للبدائل.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="123" />
        <source>All sources</source>
        <translation>كل المصادر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="124" />
        <source>&amp;Source:</source>
        <translation>ال&amp;مصدر:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="127" />
        <source>&amp;Dates</source>
        <translation>ال&amp;تواريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="143" />
        <source>First day</source>
        <translation>اليوم الأول</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="144" />
        <source>Last day</source>
        <translation>اليوم الأخير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="145" />
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="149" />
        <source>Published or mentioned</source>
        <translation>منشورة أو مذكورة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="150" />
        <source>Published</source>
        <translation>تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="151" />
        <source>Mentioned</source>
        <translation>تاريخ مذكور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="153" />
        <source>Which dates of an article the range applies to</source>
        <translation>أي تواريخ المقالة يشملها النطاق</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="280" />
        <source>No results. Did you mean: %1?</source>
        <translation>لا نتائج. هل تقصد: %1؟</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="281" />
        <source>, </source>
        <translation>، </translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/search_bar.py" line="295" />
        <source>%Ln result(s)</source>
        <translation><numerusform>لا نتائج</numerusform><numerusform>نتيجة واحدة</numerusform><numerusform>نتيجتان</numerusform><numerusform>%Ln نتائج</numerusform><numerusform>%Ln نتيجة</numerusform><numerusform>%Ln نتيجة</numerusform></translation>
    </message>
</context>
<context>
    <name>StoryPanel</name>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="44" />
        <source>Related articles</source>
        <translation>مقالات ذات صلة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/story_panel.py" line="80" />
        <source>Copies of this story: %n</source>
        <translation><numerusform>نسخ هذا الخبر: لا شيء</numerusform><numerusform>نسخ هذا الخبر: واحدة</numerusform><numerusform>نسخ هذا الخبر: اثنتان</numerusform><numerusform>نسخ هذا الخبر: %n</numerusform><numerusform>نسخ هذا الخبر: %n</numerusform><numerusform>نسخ هذا الخبر: %n</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="82" />
        <source>No copies of this story</source>
        <translation>لا نسخ أخرى لهذا الخبر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="92" />
        <source>first</source>
        <translation>الأولى</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="94" />
        <source>this article</source>
        <translation>هذه المقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="98" />
        <source>undated</source>
        <translation>بلا تاريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="102" />
        <source>Click to see the words that differ; double-click to open</source>
        <translation>انقر لعرض الكلمات المختلفة، وانقر مرتين للفتح</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="133" />
        <source>%1: %2 word(s) in common; marked: words only that copy has</source>
        <translation>%1: %2 كلمة مشتركة؛ المظلَّل: كلمات لا توجد إلا في تلك النسخة</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="676" />
        <location filename="../../timeline/ui/timeline_view.py" line="723" />
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="731" />
        <location filename="../../timeline/ui/timeline_view.py" line="897" />
        <source>Published</source>
        <translation>تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="732" />
        <location filename="../../timeline/ui/timeline_view.py" line="897" />
        <source>Mentioned</source>
        <translation>تاريخ مذكور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="733" />
        <source>Range</source>
        <translation>فترة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="737" />
        <source>%1 events in view: zoom in to see them one by one</source>
        <translation>%1 حدثاً في العرض: كبّر لرؤيتها واحداً واحداً</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="739" />
        <source>%1 events in view; reading them one by one…</source>
        <translation>%1 حدثاً في العرض؛ جارٍ قراءتها واحداً واحداً…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="743" />
        <source>and %1 longer ranges spanning the whole view</source>
        <translation>و%1 فترة أطول تغطي العرض كله</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="876" />
        <source>%1 more: zoom in to reach them</source>
        <translation>%1 غيرها: كبّر للوصول إليها</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="918" />
        <source>%1 events</source>
        <translation>%1 حدثاً</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="922" />
        <source>%1 match the search</source>
        <translation>%1 منها تطابق البحث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="931" />
        <source>%1 events in view are not in the lanes shown: click to list them (Up and Down, or Shift and the wheel, scroll the lanes)</source>
        <translation>%1 حدثاً في العرض ليست في المسارات الظاهرة: انقر لعرض قائمتها (السهمان للأعلى وللأسفل، أو Shift مع العجلة، يمرّران المسارات)</translation>
    </message>
    <message>
        <source>%1 events in view have no room in a lane: zoom in to see them</source>
        <translation>%1 حدثاً في العرض لا مكان لها في المسارات: كبّر لرؤيتها</translation>
    </message>
</context>
<context>
    <name>WindowEdits</name>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="197" />
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="199" />
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="206" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="291" />
        <source>Correct publication &amp;date…</source>
        <translation>تصحيح &amp;تاريخ النشر…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="207" />
        <source>Correct &amp;title…</source>
        <translation>تصحيح ال&amp;عنوان…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="208" />
        <source>Correct &amp;source…</source>
        <translation>تصحيح الم&amp;صدر…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="209" />
        <source>&amp;Add event to this article…</source>
        <translation>إ&amp;ضافة حدث إلى هذه المقالة…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="210" />
        <source>Add a &amp;standalone event…</source>
        <translation>إضافة حدث &amp;مستقل…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="212" />
        <source>&amp;Hide this article</source>
        <translation>إ&amp;خفاء هذه المقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="213" />
        <source>Ta&amp;g this article…</source>
        <translation>&amp;وسم هذه المقالة…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="214" />
        <source>&amp;Note…</source>
        <translation>&amp;ملاحظة…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="148" />
        <source>Show &amp;hidden items</source>
        <translation>إظهار العناصر الم&amp;خفية</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="170" />
        <source>Not saved: %1</source>
        <translation>لم يُحفظ: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="215" />
        <source>&amp;Unhide</source>
        <translation>إ&amp;ظهار ما أُخفي</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="237" />
        <source>Nothing is hidden</source>
        <translation>لا شيء مخفي</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="244" />
        <source>Show all</source>
        <translation>إظهار الكل</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="285" />
        <source>Correct the date…</source>
        <translation>تصحيح التاريخ…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="286" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="327" />
        <source>Not a date</source>
        <translation>ليس تاريخاً</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="288" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="333" />
        <source>Use the computed date</source>
        <translation>استخدام التاريخ المحسوب</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="293" />
        <source>Remove this event</source>
        <translation>حذف هذا الحدث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="294" />
        <source>Hide this event</source>
        <translation>إخفاء هذا الحدث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="295" />
        <source>Tag this event…</source>
        <translation>وسم هذا الحدث…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="316" />
        <source>Correct the date</source>
        <translation>تصحيح التاريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="321" />
        <source>Correct a date</source>
        <translation>تصحيح تاريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="341" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="346" />
        <source>Correct publication date</source>
        <translation>تصحيح تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="355" />
        <source>Correct title</source>
        <translation>تصحيح العنوان</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="355" />
        <source>Correct source</source>
        <translation>تصحيح المصدر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="372" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="377" />
        <source>Add an event</source>
        <translation>إضافة حدث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="382" />
        <source>Remove an event</source>
        <translation>حذف حدث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="389" />
        <source>Hide an article</source>
        <translation>إخفاء مقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="400" />
        <source>Hide an event</source>
        <translation>إخفاء حدث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="411" />
        <source>Show hidden items</source>
        <translation>إظهار العناصر المخفية</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="417" />
        <source>Tag</source>
        <translation>وسم</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="418" />
        <source>Tag (a new name makes a new tag):</source>
        <translation>الوسم (اسم جديد ينشئ وسماً جديداً):</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="430" />
        <source>Tag an article</source>
        <translation>وسم مقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="438" />
        <source>Tag an event</source>
        <translation>وسم حدث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="448" />
        <location filename="../../timeline/ui/edit_dialogs.py" line="451" />
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/edit_dialogs.py" line="448" />
        <source>Note on this article:</source>
        <translation>ملاحظة على هذه المقالة:</translation>
    </message>
</context>
<context>
    <name>WindowExporter</name>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="177" />
        <location filename="../../timeline/ui/export_dialog.py" line="249" />
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="212" />
        <source>An export is already being written</source>
        <translation>يجري الآن كتابة تصدير آخر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="244" />
        <source>Exported %1 to %2</source>
        <translation>صُدّر %1 إلى %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/export_dialog.py" line="255" />
        <source>Printing is not available in this build</source>
        <translation>الطباعة غير متاحة في هذه النسخة من البرنامج</translation>
    </message>
</context>
</TS>