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
        <location filename="../../timeline/ui/detail_pane.py" line="188" />
        <source>Events in this article</source>
        <translation>الأحداث في هذه المقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="241" />
        <source>Select an article to read it here.</source>
        <translation>اختر مقالة لقراءتها هنا.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="262" />
        <source>As written: %1</source>
        <translation>كما كُتب: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="265" />
        <source>Published: %1</source>
        <translation>تاريخ النشر: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="273" />
        <source>Publication date could not be read</source>
        <translation>تعذّرت قراءة تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="275" />
        <source>Source: %1</source>
        <translation>المصدر: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="276" />
        <source>Author: %1</source>
        <translation>الكاتب: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="277" />
        <source>Caption: %1</source>
        <translation>التعليق على الصورة: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="278" />
        <source>Link: %1</source>
        <translation>الرابط: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="330" />
        <source>published</source>
        <translation>نُشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="331" />
        <source>mentioned</source>
        <translation>ذُكر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="332" />
        <source>duration</source>
        <translation>مدة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/detail_pane.py" line="333" />
        <source>vague</source>
        <translation>غير محدد</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="91" />
        <location filename="../../timeline/ui/main_window.py" line="331" />
        <source>News Timeline</source>
        <translation>الخط الزمني للأخبار</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="103" />
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="113" />
        <source>Timeline</source>
        <translation>الخط الزمني</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="151" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="152" />
        <source>&amp;Import files…</source>
        <translation>&amp;استيراد ملفات…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="156" />
        <source>Import &amp;folder…</source>
        <translation>استيراد &amp;مجلد…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="161" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="165" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="166" />
        <source>&amp;Search…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="170" />
        <source>Article &amp;list</source>
        <translation>&amp;قائمة المقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="175" />
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="176" />
        <source>&amp;About</source>
        <translation>&amp;عن البرنامج</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="193" />
        <source>&amp;Timeline</source>
        <translation>ال&amp;خط الزمني</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="194" />
        <source>Article &amp;text</source>
        <translation>&amp;نص المقالة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="196" />
        <source>&amp;Fit all</source>
        <translation>عرض ال&amp;كل</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="197" />
        <source>Zoom &amp;in</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="198" />
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="199" />
        <source>&amp;Go to date…</source>
        <translation>الا&amp;نتقال إلى تاريخ…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="201" />
        <source>&amp;Settings</source>
        <translation>الإ&amp;عدادات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="203" />
        <source>Arabic &amp;month names</source>
        <translation>أسماء ال&amp;شهور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="208" />
        <source>Levantine (كانون الثاني، شباط…)</source>
        <translation>الشامية (كانون الثاني، شباط…)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="209" />
        <source>Egyptian and Gulf (يناير، فبراير…)</source>
        <translation>المصرية والخليجية (يناير، فبراير…)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="210" />
        <source>Maghrebi (جانفي، فيفري…)</source>
        <translation>المغاربية (جانفي، فيفري…)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="214" />
        <source>&amp;Digits</source>
        <translation>الأ&amp;رقام</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="218" />
        <source>Western (2021)</source>
        <translation>غربية (2021)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="218" />
        <source>Arabic-Indic (٢٠٢١)</source>
        <translation>هندية (٢٠٢١)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="221" />
        <source>Time &amp;direction</source>
        <translation>ا&amp;تجاه الزمن</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="231" />
        <source>As the interface language</source>
        <translation>حسب لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="232" />
        <source>Left to right</source>
        <translation>من اليسار إلى اليمين</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="233" />
        <source>Right to left</source>
        <translation>من اليمين إلى اليسار</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="237" />
        <source>&amp;Hijri dates under the axis</source>
        <translation>التواريخ ال&amp;هجرية تحت المحور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="287" />
        <location filename="../../timeline/ui/main_window.py" line="296" />
        <source>Go to date</source>
        <translation>الانتقال إلى تاريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="288" />
        <source>Date (for example 1973-10-06, ٦ أكتوبر ١٩٧٣ or 10 رمضان 1393 هـ):</source>
        <translation>التاريخ (مثلاً ٦ أكتوبر ١٩٧٣ أو 10 رمضان 1393 هـ أو 1973-10-06):</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="297" />
        <source>Not a date I can read: %1</source>
        <translation>لا أستطيع قراءة هذا التاريخ: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="319" />
        <source>%1 articles, %2 events</source>
        <translation>المقالات: %1، الأحداث: %2</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="327" />
        <source>The article store cannot be read: %1</source>
        <translation>تتعذّر قراءة مخزن المقالات: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="448" />
        <source>Timeline not loaded: %1</source>
        <translation>لم يُحمَّل الخط الزمني: %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="480" />
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="482" />
        <source>Articles (*.txt *.jsonl *.ndjson *.json);;All files (*)</source>
        <translation>المقالات (*.txt *.jsonl *.ndjson *.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="488" />
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد مقالات</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="506" />
        <source>An import is running: wait for it to finish or cancel it</source>
        <translation>يجري استيراد الآن: انتظر انتهاءه أو ألغِه</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="512" />
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="513" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="529" />
        <source>Importing %1</source>
        <translation>جارٍ استيراد %1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="538" />
        <source>%1 added, %2 already stored, %3 failed files.</source>
        <translation>أضيفت: %1، موجودة من قبل: %2، ملفات تعذّر استيرادها: %3.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="546" />
        <source>Import</source>
        <translation>الاستيراد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="552" />
        <source>Import cancelled</source>
        <translation>أُلغي الاستيراد</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/main_window.py" line="554" />
        <source>Import failed</source>
        <translation>تعذّر الاستيراد</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="57" />
        <source>Search articles: words, "a phrase", prefix*, -exclude, OR</source>
        <translation>ابحث في المقالات: كلمات، "عبارة"، بادئة*، -استبعاد، OR</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="61" />
        <source>Spelling variants match: ايار finds أيّار, ٢٠٢١ finds 2021.
Words must all occur; "quotes" keep a phrase; word* is a prefix;
-word excludes a word; OR gives alternatives.</source>
        <translation>تتطابق صيغ الكتابة: ايار تجد أيّار، و٢٠٢١ تجد 2021.
يجب أن ترد الكلمات كلها؛ "علامتا التنصيص" تحفظان العبارة؛ كلمة* بادئة؛
-كلمة تستبعد الكلمة؛ OR للبدائل.</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="72" />
        <source>All sources</source>
        <translation>كل المصادر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="73" />
        <source>&amp;Source:</source>
        <translation>ال&amp;مصدر:</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="76" />
        <source>&amp;Dates</source>
        <translation>ال&amp;تواريخ</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="91" />
        <source>First day</source>
        <translation>اليوم الأول</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="92" />
        <source>Last day</source>
        <translation>اليوم الأخير</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="93" />
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="97" />
        <source>Published or mentioned</source>
        <translation>منشورة أو مذكورة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="98" />
        <source>Published</source>
        <translation>تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="99" />
        <source>Mentioned</source>
        <translation>تاريخ مذكور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/search_bar.py" line="101" />
        <source>Which dates of an article the range applies to</source>
        <translation>أي تواريخ المقالة يشملها النطاق</translation>
    </message>
    <message numerus="yes">
        <location filename="../../timeline/ui/search_bar.py" line="187" />
        <source>%Ln result(s)</source>
        <translation><numerusform>لا نتائج</numerusform><numerusform>نتيجة واحدة</numerusform><numerusform>نتيجتان</numerusform><numerusform>%Ln نتائج</numerusform><numerusform>%Ln نتيجة</numerusform><numerusform>%Ln نتيجة</numerusform></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="505" />
        <location filename="../../timeline/ui/timeline_view.py" line="555" />
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="563" />
        <location filename="../../timeline/ui/timeline_view.py" line="687" />
        <source>Published</source>
        <translation>تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="564" />
        <location filename="../../timeline/ui/timeline_view.py" line="687" />
        <source>Mentioned</source>
        <translation>تاريخ مذكور</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="565" />
        <source>Range</source>
        <translation>فترة</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="569" />
        <source>%1 events in view: zoom in to see them one by one</source>
        <translation>%1 حدثاً في العرض: كبّر لرؤيتها واحداً واحداً</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="575" />
        <source>and %1 longer ranges spanning the whole view</source>
        <translation>و%1 فترة أطول تغطي العرض كله</translation>
    </message>
    <message>
        <location filename="../../timeline/ui/timeline_view.py" line="709" />
        <source>%1 events in view have no room in a lane: zoom in to see them</source>
        <translation>%1 حدثاً في العرض لا مكان لها في المسارات: كبّر لرؤيتها</translation>
    </message>
</context>
</TS>