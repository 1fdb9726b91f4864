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
    <name>DetailPane</name>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="104" />
        <source>Events in this article</source>
        <translation>الأحداث في هذه المقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="136" />
        <location filename="../../timeline/ui/detail_pane.py" line="173" />
        <source>Select an article to read it here.</source>
        <translation>اختر مقالة لقراءتها هنا.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="148" />
        <source>No article matches %1.</source>
        <translation>لا توجد مقالة تطابق %1.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="228" />
        <source>As written: %1</source>
        <translation>كما كُتب: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="231" />
        <source>Published: %1</source>
        <translation>تاريخ النشر: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="239" />
        <source>Publication date could not be read</source>
        <translation>تعذّرت قراءة تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="241" />
        <source>Source: %1</source>
        <translation>المصدر: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="242" />
        <source>Author: %1</source>
        <translation>الكاتب: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="243" />
        <source>Caption: %1</source>
        <translation>التعليق على الصورة: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="244" />
        <source>Link: %1</source>
        <translation>الرابط: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="296" />
        <source>published</source>
        <translation>نُشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="297" />
        <source>mentioned</source>
        <translation>ذُكر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="298" />
        <source>duration</source>
        <translation>مدة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="299" />
        <source>vague</source>
        <translation>غير محدد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="300" />
        <source>recurring</source>
        <translation>متكرر</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="142" />
        <source>News Timeline</source>
        <translation>الخط الزمني للأخبار</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="145" />
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="155" />
        <source>Timeline</source>
        <translation>الخط الزمني</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="202" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="203" />
        <source>&amp;Import files…</source>
        <translation>&amp;استيراد ملفات…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="207" />
        <source>Import &amp;folder…</source>
        <translation>استيراد &amp;مجلد…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="212" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="216" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="217" />
        <source>&amp;Search…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="221" />
        <source>Article &amp;list</source>
        <translation>&amp;قائمة المقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="226" />
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="227" />
        <source>&amp;About</source>
        <translation>&amp;عن البرنامج</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="247" />
        <source>&amp;Timeline</source>
        <translation>ال&amp;خط الزمني</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="248" />
        <source>Article &amp;text</source>
        <translation>&amp;نص المقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="250" />
        <source>&amp;Fit all</source>
        <translation>عرض ال&amp;كل</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="251" />
        <source>Show each story &amp;once</source>
        <translation>اعرض كل خبر &amp;مرة واحدة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="254" />
        <source>List a story reprinted by several outlets once, as its earliest copy</source>
        <translation>اعرض الخبر الذي أعادت نشره عدة وسائل مرة واحدة، بأقدم نسخة منه</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="259" />
        <source>Zoom &amp;in</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="260" />
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="261" />
        <source>&amp;Go to date…</source>
        <translation>الا&amp;نتقال إلى تاريخ…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="263" />
        <source>&amp;Settings</source>
        <translation>الإ&amp;عدادات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="265" />
        <source>Arabic &amp;month names</source>
        <translation>أسماء ال&amp;شهور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="270" />
        <source>Levantine (كانون الثاني، شباط…)</source>
        <translation>الشامية (كانون الثاني، شباط…)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="271" />
        <source>Egyptian and Gulf (يناير، فبراير…)</source>
        <translation>المصرية والخليجية (يناير، فبراير…)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="272" />
        <source>Maghrebi (جانفي، فيفري…)</source>
        <translation>المغاربية (جانفي، فيفري…)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="276" />
        <source>&amp;Digits</source>
        <translation>الأ&amp;رقام</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="280" />
        <source>Western (2021)</source>
        <translation>غربية (2021)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="280" />
        <source>Arabic-Indic (٢٠٢١)</source>
        <translation>هندية (٢٠٢١)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="283" />
        <source>Time &amp;direction</source>
        <translation>ا&amp;تجاه الزمن</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="293" />
        <source>As the interface language</source>
        <translation>حسب لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="294" />
        <source>Left to right</source>
        <translation>من اليسار إلى اليمين</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="295" />
        <source>Right to left</source>
        <translation>من اليمين إلى اليسار</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="299" />
        <source>&amp;Hijri dates under the axis</source>
        <translation>التواريخ ال&amp;هجرية تحت المحور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="352" />
        <location filename="../../timeline/ui/main_window.py" line="360" />
        <source>Go to date</source>
        <translation>الانتقال إلى تاريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="353" />
        <source>Date (for example 1973-10-06, ٦ أكتوبر ١٩٧٣ or 10 رمضان 1393 هـ):</source>
        <translation>التاريخ (مثلاً ٦ أكتوبر ١٩٧٣ أو 10 رمضان 1393 هـ أو 1973-10-06):</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="361" />
        <source>Not a date I can read: %1</source>
        <translation>لا أستطيع قراءة هذا التاريخ: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="380" />
        <source>%n article(s)</source>
        <translation><numerusform>لا مقالات</numerusform><numerusform>مقالة واحدة</numerusform><numerusform>مقالتان</numerusform><numerusform>%n مقالات</numerusform><numerusform>%n مقالة</numerusform><numerusform>%n مقالة</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="382" />
        <source>%1 of %n article(s)</source>
        <translation><numerusform>%1 من أصل 0 مقالة</numerusform><numerusform>%1 من أصل مقالة واحدة</numerusform><numerusform>%1 من أصل مقالتين</numerusform><numerusform>%1 من أصل %n مقالات</numerusform><numerusform>%1 من أصل %n مقالة</numerusform><numerusform>%1 من أصل %n مقالة</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="388" />
        <source>%n event(s) on the timeline</source>
        <translation><numerusform>لا أحداث على الخط الزمني</numerusform><numerusform>حدث واحد على الخط الزمني</numerusform><numerusform>حدثان على الخط الزمني</numerusform><numerusform>%n أحداث على الخط الزمني</numerusform><numerusform>%n حدثًا على الخط الزمني</numerusform><numerusform>%n حدث على الخط الزمني</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="499" />
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="501" />
        <source>from %1</source>
        <translation>من المصدر %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="506" />
        <source>dated %1 to %2</source>
        <translation>بتواريخ من %1 إلى %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="507" />
        <source>published %1 to %2</source>
        <translation>منشورة من %1 إلى %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="508" />
        <source>mentioning %1 to %2</source>
        <translation>تذكر تواريخ من %1 إلى %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="512" />
        <source>, </source>
        <translation>، </translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/main_window.py" line="546" />
        <source>%n copies</source>
        <translation><numerusform>لا نسخ</numerusform><numerusform>نسخة واحدة</numerusform><numerusform>نسختان</numerusform><numerusform>%n نسخ</numerusform><numerusform>%n نسخة</numerusform><numerusform>%n نسخة</numerusform></translation>
    </message>
    <message>
        <source>%1 articles, %2 events</source>
        <translation>المقالات: %1، الأحداث: %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="575" />
        <source>Timeline not loaded: %1</source>
        <translation>لم يُحمَّل الخط الزمني: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="607" />
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="609" />
        <source>Articles (*.txt *.jsonl *.ndjson *.json);;All files (*)</source>
        <translation>المقالات (*.txt *.jsonl *.ndjson *.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="615" />
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد مقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="634" />
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="634" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="635" />
        <source>Importing articles</source>
        <translation>استيراد المقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="650" />
        <source>Importing %1</source>
        <translation>جارٍ استيراد %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="659" />
        <source>%1 added, %2 already stored, %3 failed files.</source>
        <translation>أضيفت: %1، موجودة من قبل: %2، ملفات تعذّر استيرادها: %3.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="667" />
        <source>Import</source>
        <translation>الاستيراد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="675" />
        <source>Import failed</source>
        <translation>تعذّر الاستيراد</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="106" />
        <source>Search articles: words, "a phrase", prefix*, -exclude, OR</source>
        <translation>ابحث في المقالات: كلمات، "عبارة"، بادئة*، -استبعاد، OR</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="110" />
        <source>Spelling variants match: ايار finds أيّار, ٢٠٢١ finds 2021.
Words must all occur; "quotes" keep a phrase; word* is a prefix;
-word excludes a word; OR gives alternatives.</source>
        <translation>تتطابق صيغ الكتابة: ايار تجد أيّار، و٢٠٢١ تجد 2021.
يجب أن ترد الكلمات كلها؛ "علامتا التنصيص" تحفظان العبارة؛ كلمة* بادئة؛
-كلمة تستبعد الكلمة؛ OR للبدائل.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="121" />
        <source>All sources</source>
        <translation>كل المصادر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="122" />
        <source>&amp;Source:</source>
        <translation>ال&amp;مصدر:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="125" />
        <source>&amp;Dates</source>
        <translation>ال&amp;تواريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="141" />
        <source>First day</source>
        <translation>اليوم الأول</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="142" />
        <source>Last day</source>
        <translation>اليوم الأخير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="143" />
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="147" />
        <source>Published or mentioned</source>
        <translation>منشورة أو مذكورة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="148" />
        <source>Published</source>
        <translation>تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="149" />
        <source>Mentioned</source>
        <translation>تاريخ مذكور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="151" />
        <source>Which dates of an article the range applies to</source>
        <translation>أي تواريخ المقالة يشملها النطاق</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/search_bar.py" line="281" />
        <source>%Ln result(s)</source>
        <translation><numerusform>لا نتائج</numerusform><numerusform>نتيجة واحدة</numerusform><numerusform>نتيجتان</numerusform><numerusform>%Ln نتائج</numerusform><numerusform>%Ln نتيجة</numerusform><numerusform>%Ln نتيجة</numerusform></translation>
    </message>
</context>
<context>
    <name>StoryPanel</name>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="70" />
        <source>Related articles</source>
        <translation>مقالات ذات صلة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/story_panel.py" line="106" />
        <source>Copies of this story: %n</source>
        <translation><numerusform>نسخ هذا الخبر: لا شيء</numerusform><numerusform>نسخ هذا الخبر: واحدة</numerusform><numerusform>نسخ هذا الخبر: اثنتان</numerusform><numerusform>نسخ هذا الخبر: %n</numerusform><numerusform>نسخ هذا الخبر: %n</numerusform><numerusform>نسخ هذا الخبر: %n</numerusform></translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="108" />
        <source>No copies of this story</source>
        <translation>لا نسخ أخرى لهذا الخبر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="112" />
        <source>first</source>
        <translation>الأولى</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="114" />
        <source>this article</source>
        <translation>هذه المقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="118" />
        <source>undated</source>
        <translation>بلا تاريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="122" />
        <source>Click to see the words that differ; double-click to open</source>
        <translation>انقر لعرض الكلمات المختلفة، وانقر مرتين للفتح</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/story_panel.py" line="153" />
        <source>%1: %2 word(s) in common; marked: words only that copy has</source>
        <translation>%1: %2 كلمة مشتركة؛ المظلَّل: كلمات لا توجد إلا في تلك النسخة</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="582" />
        <location filename="../../timeline/ui/timeline_view.py" line="629" />
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="637" />
        <location filename="../../timeline/ui/timeline_view.py" line="801" />
        <source>Published</source>
        <translation>تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="638" />
        <location filename="../../timeline/ui/timeline_view.py" line="801" />
        <source>Mentioned</source>
        <translation>تاريخ مذكور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="639" />
        <source>Range</source>
        <translation>فترة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="643" />
        <source>%1 events in view: zoom in to see them one by one</source>
        <translation>%1 حدثاً في العرض: كبّر لرؤيتها واحداً واحداً</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="647" />
        <source>and %1 longer ranges spanning the whole view</source>
        <translation>و%1 فترة أطول تغطي العرض كله</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="780" />
        <source>%1 more: zoom in to reach them</source>
        <translation>%1 غيرها: كبّر للوصول إليها</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="822" />
        <source>%1 events</source>
        <translation>%1 حدثاً</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="826" />
        <source>%1 match the search</source>
        <translation>%1 منها تطابق البحث</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="835" />
        <source>%1 events in view are not in the lanes shown: click to list them (Up and Down, or Shift and the wheel, scroll the lanes)</source>
        <translation>%1 حدثاً في العرض ليست في المسارات الظاهرة: انقر لعرض قائمتها (السهمان للأعلى وللأسفل، أو Shift مع العجلة، يمرّران المسارات)</translation>
    </message>
    <message>
        <source>%1 events in view have no room in a lane: zoom in to see them</source>
        <translation>%1 حدثاً في العرض لا مكان لها في المسارات: كبّر لرؤيتها</translation>
    </message>
</context>
</TS>