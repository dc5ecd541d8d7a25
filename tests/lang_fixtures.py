"""Hand-written multilingual sentences for the language-tagging tests and benchmark.

Every sentence was written for this file (none copied from elsewhere). Each language has
eight sentences on everyday topics; a sentence alone is a "short" document, and three to
five consecutive sentences make a "paragraph" document (see `paragraph_docs`).
"""

from __future__ import annotations

SENTENCES: dict[str, list[str]] = {
    "en": [
        "The bakery on the corner opens at seven, and by eight there is usually a queue outside.",
        "My grandmother keeps every letter she has ever received in a wooden box under her bed.",
        "The city council voted on Tuesday to close the old bridge until repairs are finished.",
        "We walked along the river for an hour before the rain finally caught up with us.",
        "Scientists believe the comet will be visible without a telescope for about two weeks.",
        "If you leave the window open tonight, the cat will certainly try to climb onto the roof.",
        "The new library has quiet rooms where students can work without being disturbed.",
        "After the concert, the whole crowd stayed in the square singing until midnight.",
    ],
    "de": [
        "Die Bäckerei an der Ecke öffnet um sieben Uhr, und schon um acht steht eine lange Schlange davor.",
        "Meine Großmutter bewahrt jeden Brief, den sie je bekommen hat, in einer Holzkiste auf.",
        "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke bis zum Ende der Reparaturen zu sperren.",
        "Wir sind eine Stunde lang am Fluss entlang gelaufen, bevor uns der Regen doch noch erwischt hat.",
        "Die Forscher glauben, dass der Komet etwa zwei Wochen lang mit bloßem Auge zu sehen sein wird.",
        "Wenn du heute Nacht das Fenster offen lässt, wird die Katze bestimmt versuchen, aufs Dach zu klettern.",
        "In der neuen Bibliothek gibt es ruhige Räume, in denen Studierende ungestört arbeiten können.",
        "Nach dem Konzert blieb die ganze Menge auf dem Platz und sang bis Mitternacht weiter.",
    ],
    "fr": [
        "La boulangerie du coin ouvre à sept heures, et dès huit heures il y a souvent une file dehors.",
        "Ma grand-mère garde toutes les lettres qu'elle a reçues dans une boîte en bois sous son lit.",
        "Le conseil municipal a décidé mardi de fermer le vieux pont jusqu'à la fin des travaux.",
        "Nous avons marché au bord de la rivière pendant une heure avant que la pluie ne nous rattrape.",
        "Les chercheurs pensent que la comète sera visible à l'œil nu pendant environ deux semaines.",
        "Si tu laisses la fenêtre ouverte cette nuit, le chat essaiera sûrement de monter sur le toit.",
        "La nouvelle bibliothèque possède des salles calmes où les étudiants peuvent travailler tranquillement.",
        "Après le concert, toute la foule est restée sur la place à chanter jusqu'à minuit.",
    ],
    "es": [
        "La panadería de la esquina abre a las siete, y a las ocho ya suele haber una cola en la puerta.",
        "Mi abuela guarda todas las cartas que ha recibido en una caja de madera debajo de la cama.",
        "El ayuntamiento decidió el martes cerrar el puente viejo hasta que terminen las obras.",
        "Caminamos junto al río durante una hora antes de que la lluvia nos alcanzara por fin.",
        "Los científicos creen que el cometa se podrá ver sin telescopio durante unas dos semanas.",
        "Si dejas la ventana abierta esta noche, el gato seguramente intentará subirse al tejado.",
        "La nueva biblioteca tiene salas tranquilas donde los estudiantes pueden trabajar sin que nadie los moleste.",
        "Después del concierto, toda la gente se quedó en la plaza cantando hasta la medianoche.",
    ],
    "pt": [
        "A padaria da esquina abre às sete, e às oito já costuma haver uma fila na porta.",
        "A minha avó guarda todas as cartas que recebeu numa caixa de madeira debaixo da cama.",
        "A câmara municipal decidiu na terça-feira fechar a ponte velha até ao fim das obras.",
        "Caminhámos junto ao rio durante uma hora antes de a chuva finalmente nos apanhar.",
        "Os cientistas acreditam que o cometa poderá ser visto sem telescópio durante cerca de duas semanas.",
        "Se deixares a janela aberta esta noite, o gato vai com certeza tentar subir ao telhado.",
        "A nova biblioteca tem salas silenciosas onde os estudantes podem trabalhar sem serem incomodados.",
        "Depois do concerto, toda a multidão ficou na praça a cantar até à meia-noite.",
    ],
    "it": [
        "La panetteria all'angolo apre alle sette, e già alle otto di solito c'è una fila davanti.",
        "Mia nonna conserva tutte le lettere che ha ricevuto in una scatola di legno sotto il letto.",
        "Martedì il consiglio comunale ha deciso di chiudere il vecchio ponte fino alla fine dei lavori.",
        "Abbiamo camminato lungo il fiume per un'ora prima che la pioggia ci raggiungesse.",
        "Gli scienziati pensano che la cometa sarà visibile a occhio nudo per circa due settimane.",
        "Se stanotte lasci la finestra aperta, il gatto cercherà sicuramente di salire sul tetto.",
        "La nuova biblioteca ha delle sale silenziose dove gli studenti possono lavorare senza essere disturbati.",
        "Dopo il concerto, tutta la folla è rimasta in piazza a cantare fino a mezzanotte.",
    ],
    "nl": [
        "De bakkerij op de hoek gaat om zeven uur open, en om acht uur staat er meestal al een rij.",
        "Mijn oma bewaart elke brief die ze ooit heeft gekregen in een houten kist onder haar bed.",
        "De gemeenteraad heeft dinsdag besloten de oude brug te sluiten tot de reparaties klaar zijn.",
        "We liepen een uur langs de rivier voordat de regen ons uiteindelijk toch inhaalde.",
        "Wetenschappers denken dat de komeet ongeveer twee weken met het blote oog te zien zal zijn.",
        "Als je vannacht het raam open laat, probeert de kat vast en zeker op het dak te klimmen.",
        "De nieuwe bibliotheek heeft stille ruimtes waar studenten kunnen werken zonder gestoord te worden.",
        "Na het concert bleef de hele menigte op het plein staan en zong door tot middernacht.",
    ],
    "sv": [
        "Bageriet på hörnet öppnar klockan sju, och redan vid åtta brukar det stå en kö utanför.",
        "Min mormor sparar alla brev hon någonsin har fått i en trälåda under sängen.",
        "Kommunfullmäktige beslutade i tisdags att stänga den gamla bron tills reparationerna är klara.",
        "Vi gick längs ån i en timme innan regnet till slut hann ikapp oss.",
        "Forskarna tror att kometen kommer att synas utan teleskop i ungefär två veckor.",
        "Om du låter fönstret stå öppet i natt kommer katten säkert att försöka klättra upp på taket.",
        "Det nya biblioteket har tysta rum där studenterna kan arbeta utan att bli störda.",
        "Efter konserten stannade hela publiken kvar på torget och sjöng ända till midnatt.",
    ],
    "da": [
        "Bageren på hjørnet åbner klokken syv, og allerede ved otte-tiden står der som regel en kø udenfor.",
        "Min mormor gemmer alle de breve, hun nogensinde har fået, i en trækasse under sengen.",
        "Byrådet besluttede i tirsdags at lukke den gamle bro, indtil reparationerne er færdige.",
        "Vi gik langs åen i en time, før regnen til sidst indhentede os.",
        "Forskerne mener, at kometen vil kunne ses uden kikkert i omkring to uger.",
        "Hvis du lader vinduet stå åbent i nat, vil katten helt sikkert prøve at kravle op på taget.",
        "Det nye bibliotek har stille lokaler, hvor de studerende kan arbejde uden at blive forstyrret.",
        "Efter koncerten blev hele mængden stående på torvet og sang videre til midnat.",
    ],
    "no": [
        "Bakeren på hjørnet åpner klokka sju, og allerede ved åttetiden står det som regel en kø utenfor.",
        "Mormoren min tar vare på alle brevene hun noen gang har fått, i en trekasse under senga.",
        "Bystyret vedtok på tirsdag å stenge den gamle brua til reparasjonene er ferdige.",
        "Vi gikk langs elva i en time før regnet til slutt tok oss igjen.",
        "Forskerne tror at kometen vil kunne sees uten kikkert i omtrent to uker.",
        "Hvis du lar vinduet stå åpent i natt, kommer katten helt sikkert til å prøve å klatre opp på taket.",
        "Det nye biblioteket har stille rom der studentene kan jobbe uten å bli forstyrret.",
        "Etter konserten ble hele folkemengden stående på torget og sang videre til midnatt.",
    ],
    "fi": [
        "Kulman leipomo aukeaa kello seitsemän, ja jo kahdeksalta oven edessä on yleensä jono.",
        "Isoäitini säilyttää jokaista saamaansa kirjettä puulaatikossa sänkynsä alla.",
        "Kaupunginvaltuusto päätti tiistaina sulkea vanhan sillan, kunnes korjaustyöt on saatu valmiiksi.",
        "Kävelimme joen vartta tunnin ajan, ennen kuin sade lopulta sai meidät kiinni.",
        "Tutkijat uskovat, että komeetta näkyy paljaalla silmällä noin kahden viikon ajan.",
        "Jos jätät ikkunan auki tänä yönä, kissa yrittää varmasti kiivetä katolle.",
        "Uudessa kirjastossa on hiljaisia huoneita, joissa opiskelijat voivat työskennellä rauhassa.",
        "Konsertin jälkeen koko yleisö jäi torille laulamaan keskiyöhön asti.",
    ],
    "pl": [
        "Piekarnia na rogu otwiera się o siódmej, a już o ósmej zwykle stoi przed nią kolejka.",
        "Moja babcia trzyma wszystkie listy, jakie kiedykolwiek dostała, w drewnianym pudełku pod łóżkiem.",
        "Rada miasta zdecydowała we wtorek o zamknięciu starego mostu aż do zakończenia remontu.",
        "Szliśmy wzdłuż rzeki przez godzinę, zanim deszcz w końcu nas dogonił.",
        "Naukowcy uważają, że kometę będzie można oglądać gołym okiem przez mniej więcej dwa tygodnie.",
        "Jeśli zostawisz dziś w nocy otwarte okno, kot na pewno spróbuje wspiąć się na dach.",
        "Nowa biblioteka ma ciche sale, w których studenci mogą pracować, nie przeszkadzając sobie nawzajem.",
        "Po koncercie cały tłum został na placu i śpiewał aż do północy.",
    ],
    "cs": [
        "Pekárna na rohu otevírá v sedm hodin a už v osm před ní obvykle stojí fronta.",
        "Moje babička schovává všechny dopisy, které kdy dostala, v dřevěné krabici pod postelí.",
        "Městská rada v úterý rozhodla, že starý most zůstane zavřený, dokud nebudou opravy hotové.",
        "Šli jsme hodinu podél řeky, než nás déšť nakonec přece jen dostihl.",
        "Vědci se domnívají, že kometa bude pouhým okem viditelná asi dva týdny.",
        "Když dnes v noci necháš otevřené okno, kočka se určitě pokusí vylézt na střechu.",
        "Nová knihovna má tiché místnosti, kde mohou studenti nerušeně pracovat.",
        "Po koncertě zůstal celý dav na náměstí a zpíval až do půlnoci.",
    ],
    "sk": [
        "Pekáreň na rohu otvára o siedmej a už o ôsmej pred ňou zvyčajne stojí rad.",
        "Moja stará mama odkladá všetky listy, ktoré kedy dostala, v drevenej škatuli pod posteľou.",
        "Mestské zastupiteľstvo v utorok rozhodlo, že starý most zostane zatvorený, kým nebudú opravy hotové.",
        "Išli sme hodinu popri rieke, kým nás dážď napokon predsa len dostihol.",
        "Vedci sa domnievajú, že kométa bude voľným okom viditeľná asi dva týždne.",
        "Keď dnes v noci necháš otvorené okno, mačka sa určite pokúsi vyliezť na strechu.",
        "Nová knižnica má tiché miestnosti, kde môžu študenti pracovať bez vyrušovania.",
        "Po koncerte zostal celý dav na námestí a spieval až do polnoci.",
    ],
    "hr": [
        "Pekara na uglu otvara se u sedam sati, a već u osam ispred nje obično stoji red.",
        "Moja baka čuva sva pisma koja je ikada dobila u drvenoj kutiji ispod kreveta.",
        "Gradsko vijeće odlučilo je u utorak zatvoriti stari most dok se popravci ne završe.",
        "Hodali smo uz rijeku sat vremena prije nego što nas je kiša ipak sustigla.",
        "Znanstvenici vjeruju da će se komet moći vidjeti golim okom otprilike dva tjedna.",
        "Ako večeras ostaviš prozor otvoren, mačka će se sigurno pokušati popeti na krov.",
        "Nova knjižnica ima tihe prostorije u kojima studenti mogu raditi bez ometanja.",
        "Nakon koncerta cijelo je mnoštvo ostalo na trgu i pjevalo sve do ponoći.",
    ],
    "sl": [
        "Pekarna na vogalu se odpre ob sedmih, ob osmih pa pred njo običajno že stoji vrsta.",
        "Moja babica hrani vsa pisma, ki jih je kdaj prejela, v leseni škatli pod posteljo.",
        "Mestni svet je v torek sklenil, da bo stari most zaprt, dokler popravila ne bodo končana.",
        "Uro smo hodili ob reki, preden nas je dež na koncu vendarle ujel.",
        "Znanstveniki menijo, da bo komet s prostim očesom viden približno dva tedna.",
        "Če boš nocoj pustil okno odprto, bo mačka zagotovo poskusila splezati na streho.",
        "Nova knjižnica ima tihe prostore, kjer lahko študenti delajo, ne da bi jih kdo motil.",
        "Po koncertu je vsa množica ostala na trgu in pela vse do polnoči.",
    ],
    "ro": [
        "Brutăria din colț se deschide la ora șapte, iar la opt de obicei este deja o coadă în fața ei.",
        "Bunica mea păstrează toate scrisorile pe care le-a primit vreodată într-o cutie de lemn sub pat.",
        "Consiliul local a hotărât marți să închidă podul vechi până la terminarea reparațiilor.",
        "Am mers de-a lungul râului timp de o oră înainte ca ploaia să ne ajungă din urmă.",
        "Cercetătorii cred că această cometă va putea fi văzută cu ochiul liber aproximativ două săptămâni.",
        "Dacă lași fereastra deschisă la noapte, pisica va încerca sigur să se urce pe acoperiș.",
        "Noua bibliotecă are săli liniștite unde studenții pot lucra fără să fie deranjați.",
        "După concert, toată mulțimea a rămas în piață și a cântat până la miezul nopții.",
    ],
    "hu": [
        "A sarki pékség hétkor nyit, és nyolckor általában már sor áll előtte.",
        "A nagymamám minden levelet, amit valaha kapott, egy fadobozban őriz az ágya alatt.",
        "A városi tanács kedden úgy döntött, hogy a régi hidat a javítások végéig lezárják.",
        "Egy órán át sétáltunk a folyó mentén, mire az eső végül utolért minket.",
        "A kutatók szerint az üstökös körülbelül két hétig szabad szemmel is látható lesz.",
        "Ha ma éjjel nyitva hagyod az ablakot, a macska biztosan megpróbál felmászni a tetőre.",
        "Az új könyvtárban csendes termek vannak, ahol a diákok zavartalanul dolgozhatnak.",
        "A koncert után az egész tömeg a téren maradt, és éjfélig énekelt.",
    ],
    "tr": [
        "Köşedeki fırın saat yedide açılıyor ve sekizde genellikle önünde bir kuyruk oluşuyor.",
        "Büyükannem aldığı bütün mektupları yatağının altındaki tahta bir kutuda saklıyor.",
        "Belediye meclisi salı günü eski köprünün onarım bitene kadar kapatılmasına karar verdi.",
        "Yağmur sonunda bizi yakalamadan önce bir saat boyunca nehir kenarında yürüdük.",
        "Bilim insanları kuyruklu yıldızın yaklaşık iki hafta boyunca çıplak gözle görülebileceğini düşünüyor.",
        "Bu gece pencereyi açık bırakırsan kedi kesinlikle çatıya tırmanmaya çalışacaktır.",
        "Yeni kütüphanede öğrencilerin rahatsız edilmeden çalışabileceği sessiz odalar var.",
        "Konserden sonra bütün kalabalık meydanda kaldı ve gece yarısına kadar şarkı söyledi.",
    ],
    "vi": [
        "Tiệm bánh ở góc phố mở cửa lúc bảy giờ, và đến tám giờ thường đã có một hàng người xếp trước cửa.",
        "Bà tôi giữ tất cả những lá thư bà từng nhận được trong một chiếc hộp gỗ dưới gầm giường.",
        "Hội đồng thành phố đã quyết định vào thứ Ba đóng cửa cây cầu cũ cho đến khi sửa chữa xong.",
        "Chúng tôi đi bộ dọc bờ sông suốt một tiếng đồng hồ trước khi cơn mưa đuổi kịp.",
        "Các nhà khoa học tin rằng sao chổi sẽ có thể nhìn thấy bằng mắt thường trong khoảng hai tuần.",
        "Nếu tối nay bạn để cửa sổ mở, con mèo chắc chắn sẽ tìm cách trèo lên mái nhà.",
        "Thư viện mới có những phòng yên tĩnh để sinh viên có thể làm việc mà không bị làm phiền.",
        "Sau buổi hòa nhạc, cả đám đông ở lại quảng trường và hát cho đến nửa đêm.",
    ],
    "id": [
        "Toko roti di sudut jalan buka pukul tujuh, dan pukul delapan biasanya sudah ada antrean di depannya.",
        "Nenek saya menyimpan semua surat yang pernah diterimanya di dalam kotak kayu di bawah tempat tidur.",
        "Dewan kota memutuskan pada hari Selasa untuk menutup jembatan tua sampai perbaikan selesai.",
        "Kami berjalan di sepanjang sungai selama satu jam sebelum hujan akhirnya menyusul kami.",
        "Para ilmuwan percaya bahwa komet itu akan terlihat dengan mata telanjang selama sekitar dua minggu.",
        "Kalau kamu membiarkan jendela terbuka malam ini, kucing itu pasti akan mencoba memanjat ke atap.",
        "Perpustakaan yang baru memiliki ruangan tenang tempat mahasiswa bisa bekerja tanpa diganggu.",
        "Setelah konser, seluruh penonton tetap berada di alun-alun dan bernyanyi sampai tengah malam.",
    ],
}

SENTENCES.update(
    {
        "ru": [
            "Пекарня на углу открывается в семь часов, а уже к восьми перед ней обычно выстраивается очередь.",
            "Моя бабушка хранит все письма, которые когда-либо получала, в деревянной шкатулке под кроватью.",
            "Во вторник городской совет решил закрыть старый мост до окончания ремонта.",
            "Мы целый час гуляли вдоль реки, пока дождь всё-таки нас не догнал.",
            "Учёные считают, что комету можно будет увидеть невооружённым глазом примерно две недели.",
            "Если ты сегодня ночью оставишь окно открытым, кошка обязательно попробует залезть на крышу.",
            "В новой библиотеке есть тихие залы, где студенты могут спокойно заниматься.",
            "После концерта вся толпа осталась на площади и пела песни до полуночи.",
        ],
        "uk": [
            "Пекарня на розі відчиняється о сьомій, а вже о восьмій перед нею зазвичай стоїть черга.",
            "Моя бабуся зберігає всі листи, які будь-коли отримувала, у дерев'яній скриньці під ліжком.",
            "У вівторок міська рада вирішила закрити старий міст до завершення ремонту.",
            "Ми годину гуляли вздовж річки, аж поки дощ нарешті нас не наздогнав.",
            "Науковці вважають, що комету можна буде побачити неозброєним оком приблизно два тижні.",
            "Якщо ти сьогодні вночі залишиш вікно відчиненим, кішка неодмінно спробує вилізти на дах.",
            "У новій бібліотеці є тихі зали, де студенти можуть спокійно працювати.",
            "Після концерту весь натовп залишився на площі й співав аж до півночі.",
        ],
        "bg": [
            "Пекарната на ъгъла отваря в седем часа, а още в осем пред нея обикновено има опашка.",
            "Баба ми пази всички писма, които някога е получавала, в дървена кутия под леглото си.",
            "Във вторник общинският съвет реши да затвори стария мост до края на ремонта.",
            "Разхождахме се цял час покрай реката, преди дъждът най-накрая да ни настигне.",
            "Учените смятат, че кометата ще може да се вижда с просто око около две седмици.",
            "Ако тази нощ оставиш прозореца отворен, котката със сигурност ще се опита да се качи на покрива.",
            "Новата библиотека има тихи зали, в които студентите могат да работят спокойно.",
            "След концерта цялото множество остана на площада и пя до полунощ.",
        ],
        "mk": [
            "Пекарата на аголот се отвора во седум часот, а веќе во осум пред неа обично има редица.",
            "Баба ми ги чува сите писма што некогаш ги добила во дрвена кутија под креветот.",
            "Во вторникот градскиот совет одлучи да го затвори стариот мост додека не заврши поправката.",
            "Шетавме цел час покрај реката пред дождот конечно да нѐ стигне.",
            "Научниците веруваат дека кометата ќе може да се гледа со голо око околу две недели.",
            "Ако вечерва го оставиш прозорецот отворен, мачката сигурно ќе се обиде да се качи на покривот.",
            "Новата библиотека има тивки сали каде што студентите можат да работат без да им пречи некој.",
            "По концертот целата толпа остана на плоштадот и пееше до полноќ.",
        ],
        "el": [
            "Ο φούρνος στη γωνία ανοίγει στις επτά, και ήδη στις οκτώ συνήθως υπάρχει ουρά απέξω.",
            "Η γιαγιά μου φυλάει όλα τα γράμματα που έχει λάβει ποτέ σε ένα ξύλινο κουτί κάτω από το κρεβάτι.",
            "Το δημοτικό συμβούλιο αποφάσισε την Τρίτη να κλείσει την παλιά γέφυρα μέχρι να τελειώσουν οι επισκευές.",
            "Περπατήσαμε δίπλα στο ποτάμι για μία ώρα πριν μας προλάβει τελικά η βροχή.",
            "Οι επιστήμονες πιστεύουν ότι ο κομήτης θα φαίνεται με γυμνό μάτι για περίπου δύο εβδομάδες.",
            "Αν αφήσεις το παράθυρο ανοιχτό απόψε, η γάτα σίγουρα θα προσπαθήσει να ανέβει στη στέγη.",
            "Η νέα βιβλιοθήκη έχει ήσυχες αίθουσες όπου οι φοιτητές μπορούν να δουλεύουν χωρίς ενόχληση.",
            "Μετά τη συναυλία, όλο το πλήθος έμεινε στην πλατεία και τραγουδούσε μέχρι τα μεσάνυχτα.",
        ],
        "he": [
            "המאפייה בפינה נפתחת בשבע, וכבר בשמונה יש בדרך כלל תור בחוץ.",
            "סבתא שלי שומרת את כל המכתבים שקיבלה אי פעם בקופסת עץ מתחת למיטה.",
            "מועצת העיר החליטה ביום שלישי לסגור את הגשר הישן עד שהתיקונים יסתיימו.",
            "הלכנו לאורך הנהר במשך שעה לפני שהגשם השיג אותנו בסוף.",
            "המדענים מאמינים שאפשר יהיה לראות את השביט בעין בלתי מזוינת במשך כשבועיים.",
            "אם תשאיר הלילה את החלון פתוח, החתול בטוח ינסה לטפס על הגג.",
            "בספרייה החדשה יש חדרים שקטים שבהם סטודנטים יכולים לעבוד בלי הפרעה.",
            "אחרי ההופעה כל הקהל נשאר בכיכר ושר עד חצות.",
        ],
        "ar": [
            "يفتح المخبز الذي على الزاوية في السابعة صباحا، وفي الثامنة يكون أمامه عادة طابور طويل.",
            "تحتفظ جدتي بكل الرسائل التي وصلتها في حياتها داخل صندوق خشبي تحت سريرها.",
            "قرر المجلس البلدي يوم الثلاثاء إغلاق الجسر القديم حتى تنتهي أعمال الصيانة.",
            "مشينا على ضفة النهر لمدة ساعة قبل أن يلحق بنا المطر في النهاية.",
            "يعتقد العلماء أن المذنب سيكون مرئيا بالعين المجردة لمدة أسبوعين تقريبا.",
            "إذا تركت النافذة مفتوحة هذه الليلة فإن القطة ستحاول بالتأكيد أن تتسلق إلى السطح.",
            "في المكتبة الجديدة قاعات هادئة يستطيع الطلاب أن يعملوا فيها دون إزعاج.",
            "بعد الحفلة بقي الجمهور كله في الساحة يغني حتى منتصف الليل.",
        ],
        "fa": [
            "نانوایی سر کوچه ساعت هفت باز می‌شود و معمولاً تا ساعت هشت صف درازی جلوی آن تشکیل می‌شود.",
            "مادربزرگم همه نامه‌هایی را که تا به حال گرفته در یک جعبه چوبی زیر تختش نگه می‌دارد.",
            "شورای شهر روز سه‌شنبه تصمیم گرفت پل قدیمی را تا پایان تعمیرات ببندد.",
            "یک ساعت کنار رودخانه قدم زدیم تا اینکه بالاخره باران به ما رسید.",
            "دانشمندان معتقدند این دنباله‌دار حدود دو هفته با چشم غیرمسلح دیده خواهد شد.",
            "اگر امشب پنجره را باز بگذاری، گربه حتماً سعی می‌کند از دیوار بالا برود و به پشت بام برسد.",
            "کتابخانه جدید اتاق‌های آرامی دارد که دانشجویان می‌توانند بدون مزاحمت در آنها کار کنند.",
            "بعد از کنسرت، همه جمعیت در میدان ماندند و تا نیمه‌شب آواز خواندند.",
        ],
        "ur": [
            "کونے والی بیکری صبح سات بجے کھلتی ہے اور آٹھ بجے تک اس کے سامنے عموماً لمبی قطار لگ جاتی ہے۔",
            "میری دادی نے اپنی زندگی میں ملنے والے سارے خط لکڑی کے ایک ڈبے میں پلنگ کے نیچے رکھے ہوئے ہیں۔",
            "شہر کی کونسل نے منگل کو فیصلہ کیا کہ مرمت مکمل ہونے تک پرانا پل بند رہے گا۔",
            "ہم ایک گھنٹے تک دریا کے کنارے چلتے رہے، پھر آخرکار بارش نے ہمیں آ لیا۔",
            "سائنسدانوں کا خیال ہے کہ یہ دم دار ستارہ تقریباً دو ہفتے تک ننگی آنکھ سے دکھائی دے گا۔",
            "اگر تم آج رات کھڑکی کھلی چھوڑ دو گے تو بلی ضرور چھت پر چڑھنے کی کوشش کرے گی۔",
            "نئی لائبریری میں خاموش کمرے ہیں جہاں طالب علم بغیر کسی رکاوٹ کے کام کر سکتے ہیں۔",
            "کنسرٹ کے بعد سارا ہجوم چوک میں رک گیا اور آدھی رات تک گاتا رہا۔",
        ],
        "hi": [
            "कोने वाली बेकरी सुबह सात बजे खुलती है और आठ बजे तक उसके सामने अक्सर लंबी कतार लग जाती है।",
            "मेरी दादी ने अपनी ज़िंदगी में मिली सारी चिट्ठियाँ लकड़ी के एक डिब्बे में पलंग के नीचे रखी हुई हैं।",
            "नगर परिषद ने मंगलवार को फ़ैसला किया कि मरम्मत पूरी होने तक पुराना पुल बंद रहेगा।",
            "हम एक घंटे तक नदी के किनारे चलते रहे, फिर आख़िरकार बारिश ने हमें पकड़ लिया।",
            "वैज्ञानिकों का मानना है कि यह धूमकेतु लगभग दो हफ़्ते तक नंगी आँखों से दिखाई देगा।",
            "अगर तुम आज रात खिड़की खुली छोड़ दोगे तो बिल्ली ज़रूर छत पर चढ़ने की कोशिश करेगी।",
            "नए पुस्तकालय में शांत कमरे हैं जहाँ छात्र बिना किसी रुकावट के काम कर सकते हैं।",
            "संगीत कार्यक्रम के बाद पूरी भीड़ चौक पर रुकी रही और आधी रात तक गाती रही।",
        ],
        "th": [
            "ร้านขนมปังตรงหัวมุมเปิดตอนเจ็ดโมงเช้า และพอแปดโมงก็มักจะมีคนต่อแถวอยู่หน้าร้านแล้ว",
            "คุณยายของฉันเก็บจดหมายทุกฉบับที่เคยได้รับไว้ในกล่องไม้ใต้เตียง",
            "สภาเมืองตัดสินใจเมื่อวันอังคารให้ปิดสะพานเก่าจนกว่าการซ่อมแซมจะเสร็จ",
            "เราเดินเลียบแม่น้ำอยู่หนึ่งชั่วโมงก่อนที่ฝนจะตามมาทันในที่สุด",
            "นักวิทยาศาสตร์เชื่อว่าดาวหางดวงนี้จะมองเห็นได้ด้วยตาเปล่าประมาณสองสัปดาห์",
            "ถ้าคืนนี้เธอเปิดหน้าต่างทิ้งไว้ แมวจะต้องพยายามปีนขึ้นไปบนหลังคาแน่นอน",
            "ห้องสมุดแห่งใหม่มีห้องเงียบที่นักศึกษาสามารถทำงานได้โดยไม่มีใครรบกวน",
            "หลังคอนเสิร์ตจบ ผู้คนทั้งหมดยังอยู่ที่ลานกว้างและร้องเพลงกันจนถึงเที่ยงคืน",
        ],
        "zh-Hans": [
            "街角的面包店早上七点开门，八点左右门口通常已经排起了长队。",
            "我奶奶把这辈子收到的所有信都放在床底下的一个木头箱子里。",
            "市议会星期二决定关闭那座旧桥，直到维修工作全部结束。",
            "我们沿着河边走了一个小时，最后还是被大雨赶上了。",
            "科学家们认为，这颗彗星大约在两个星期内都能用肉眼看到。",
            "如果你今晚让窗户开着，猫肯定会想办法爬到屋顶上去。",
            "新图书馆有几间安静的阅览室，学生们可以在那里专心学习。",
            "音乐会结束以后，广场上的人群都没有离开，一直唱歌唱到半夜。",
        ],
        "zh-Hant": [
            "街角的麵包店早上七點開門，八點左右門口通常已經排起了長隊。",
            "我奶奶把這輩子收到的所有信都放在床底下的一個木頭箱子裡。",
            "市議會星期二決定關閉那座舊橋，直到維修工作全部結束。",
            "我們沿著河邊走了一個小時，最後還是被大雨趕上了。",
            "科學家們認為，這顆彗星大約在兩個星期內都能用肉眼看到。",
            "如果你今晚讓窗戶開著，貓肯定會想辦法爬到屋頂上去。",
            "新圖書館有幾間安靜的閱覽室，學生們可以在那裡專心學習。",
            "音樂會結束以後，廣場上的人群都沒有離開，一直唱歌唱到半夜。",
        ],
        "ja": [
            "角のパン屋は朝七時に開店し、八時ごろにはたいてい店の前に行列ができています。",
            "祖母はこれまでに受け取った手紙をすべて、ベッドの下の木箱にしまっています。",
            "市議会は火曜日、修理が終わるまで古い橋を通行止めにすることを決めました。",
            "私たちは一時間ほど川沿いを歩きましたが、結局雨に追いつかれてしまいました。",
            "科学者たちは、この彗星が約二週間にわたって肉眼で見えると考えています。",
            "今夜窓を開けたままにしておくと、猫はきっと屋根に登ろうとするでしょう。",
            "新しい図書館には静かな部屋があり、学生たちは邪魔されずに勉強できます。",
            "コンサートの後、観客はみんな広場に残り、真夜中まで歌い続けました。",
        ],
        "ko": [
            "모퉁이에 있는 빵집은 아침 일곱 시에 문을 열고, 여덟 시쯤이면 보통 가게 앞에 줄이 길게 늘어선다.",
            "우리 할머니는 지금까지 받은 편지를 모두 침대 밑 나무 상자에 보관하고 계신다.",
            "시의회는 화요일에 수리가 끝날 때까지 오래된 다리를 폐쇄하기로 결정했다.",
            "우리는 한 시간 동안 강을 따라 걸었지만 결국 비를 피하지 못했다.",
            "과학자들은 이 혜성을 약 2주 동안 맨눈으로 볼 수 있을 것이라고 생각한다.",
            "오늘 밤 창문을 열어 두면 고양이가 틀림없이 지붕 위로 올라가려고 할 것이다.",
            "새 도서관에는 학생들이 방해받지 않고 공부할 수 있는 조용한 방이 있다.",
            "콘서트가 끝난 뒤에도 관객들은 모두 광장에 남아 자정까지 노래를 불렀다.",
        ],
    }
)

# Short documents that plain langdetect gets wrong, with the tag they must get.
CORRECTIONS: list[tuple[str, str]] = [
    ("我們這個週末會去台北看電影。", "zh-Hant"),
    ("他說明天的會議改到下午三點。", "zh-Hant"),
    ("這家餐廳的牛肉麵非常好吃。", "zh-Hant"),
    ("我们这个周末会去上海看电影。", "zh-Hans"),
    ("他说明天的会议改到下午三点。", "zh-Hans"),
    ("这家餐厅的牛肉面非常好吃。", "zh-Hans"),
    ("پدرم دیروز یک گربه کوچک به خانه آورد.", "fa"),
    ("گل‌های باغ ما امسال زود شکفتند.", "fa"),
    ("زرت المدينة القديمة مع عائلتي.", "ar"),
    ("هذه الجامعة كبيرة جدا وفيها مكتبة رائعة.", "ar"),
    ("وہ ٹرین سے گھر جا رہے ہیں اور شام تک پہنچیں گے۔", "ur"),
    ("ڈاکٹر نے کہا کہ آپ کچھ دن آرام کریں۔", "ur"),
]

UND_CASES: list[str] = [
    "",
    "   \n\t ",
    "12345 https://x.com 🙂",
    "2024-05-01 17:45 +0200 #42",
    "🙂🙂🙂 👍 !!! ??? ...",
    "ok",
    "user@example.org http://a.b/c?d=1",
]

# Mixed documents: (text, main language, another language that must be reported).
MIXED: list[tuple[str, str, str]] = [
    (
        "\n\n".join(SENTENCES["en"][:5]) + "\n\n" + " ".join(SENTENCES["fr"][:3]),
        "en",
        "fr",
    ),
    (
        " ".join(SENTENCES["fa"][:5]) + "\n\n" + " ".join(SENTENCES["en"][:3]),
        "fa",
        "en",
    ),
    (
        " ".join(SENTENCES["de"][:3]) + "\n\n" + " ".join(SENTENCES["ru"][:4]) + "\n\n" + " ".join(SENTENCES["ru"][4:]),
        "ru",
        "de",
    ),
]

LANGUAGES = sorted(SENTENCES)


def short_docs() -> list[tuple[str, str]]:
    """Every sentence alone, with its language: the "short" set."""
    return [(s, lang) for lang in LANGUAGES for s in SENTENCES[lang]]


def paragraph_docs() -> list[tuple[str, str]]:
    """Three to five consecutive sentences (wrapping around), with their language.

    Chinese and Japanese are joined without spaces, as they are written.
    """
    docs = []
    for lang in LANGUAGES:
        sents = SENTENCES[lang]
        joiner = "" if lang in ("zh-Hans", "zh-Hant", "ja") else " "
        for size in (3, 4, 5):
            for start in range(len(sents)):
                picked = [sents[(start + k) % len(sents)] for k in range(size)]
                docs.append((joiner.join(picked), lang))
    return docs
