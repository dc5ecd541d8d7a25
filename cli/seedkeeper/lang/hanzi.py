"""Simplified or Traditional Chinese, from the characters that differ between the two.

A statistical model trained on character n-grams needs a lot of text to separate the two
standards; one distinctive character settles it (hanzi_variants holds the characters one
standard writes and the other never does). Kanji without kana may be Japanese: the tables
here say which characters are signs of Chinese and which Japanese writes too.
"""

from __future__ import annotations

from collections import Counter

from .hanzi_variants import SIMPLIFIED_ONLY, TRADITIONAL_ONLY

# Japanese forms (shinjitai) that neither Chinese standard writes (庁: 厅 / 廳, 駅: 驿 / 驛), and
# characters made in Japan (畑, 込, 峠): a text of kanji alone ("東京都庁舎") is Japanese when it
# holds one. Not 浅, 践, 湾, which Simplified Chinese writes too, nor 浜 (Shanghai's 张家浜) or
# 歳; checked against the Chinese of the benchmark's texts (none there).
JAPANESE_ONLY = frozenset(
    "庁駅県図広売読気沢桜円対応楽薬鉄発変戦転辺関験険処畑込峠枠辻栃働払黒緑経軽検権弾満亜悪圧営塩"
    "価覚観帰挙継専銭総続帯団伝脳済渉様頼覧両労恵剣"
)
assert not JAPANESE_ONLY & (SIMPLIFIED_ONLY | TRADITIONAL_ONLY)

# Forms of hanzi_variants' tables that Japanese writes too: 国, 学, 会 (simplified and
# shinjitai alike), 東, 時, 語 (traditional and Japanese alike). Kanji with no kana may be Japanese ("横浜",
# "東京駅前"), so these say nothing about which Chinese standard a text is written in unless
# it is Chinese. Derived from wordfreq's Japanese list: each character in words whose
# frequencies add up to 3e-5 or more (是, which Japanese writes in 是非 alone, stays out).
JAPANESE_TOO = frozenset(
    "万与並乱争会体併係倉個倫偉側偵偽備傷傾僕儀億償優内冊写凄凍別則剛創劇動務勝勢区医協却参双号呂員問喫嘘"
    "嘩国園執報場塗塚声夢奥奪奮婦学孫宝宮寝審寿将導尽届属層岡島嵐師帳幹床庫張強当後復徹恋恥愛態慣慮憲憶懸"
    "担捨掃掛採換揮損携敗数敵断旧昇昼時書条来東査棄業極構標横樹橋機欧残殴殺決沖没況浅涼減温測湯湾準滅滞漢"
    "潜潰濃灯災点為無煙熱状独狭猫献獄獲現環産画異療癒盗監盤確礎礼秘称税種積競筆節範築簡糞紀約紅納純紙級細"
    "紹終組結絡給統絶維綺緊緒線締編緩練縮績織繰罰群義習聖聞職脅脚脱臨興艦華葉衆術衛衝装裏補製複襲見規視親"
    "触計討訓託記訪設許訴診証詐評詞試詰話該詳誇誉誌認誕誘語誠誤説誰課調談請論諦諸謀謎講謝識議護負財貧貨販"
    "貫責貯貰貴買貸費貼賀賃資賞賢質購贈跡躍車軍較載輝輩輪輸辞農連週進遊運過達違遠適選遺還針釣鈴銀銃録鍵鎖"
    "鏡鑑長門閉開間閣閲闇陣陰陸陽隊階際雇離難雲電静韓響頂頃項順須預頑領頭頻題額顔願類顧風飛飯飲飼飽飾養館"
    "馬駐騎騙驚魚鮮鳥鳴麗麺黄龍"
)  # fmt: skip
assert JAPANESE_TOO <= SIMPLIFIED_ONLY | TRADITIONAL_ONLY


# Characters both Chinese standards write often and Japanese rarely (function words: 是, 了,
# 你, 很, 吧...): kanji-only text holding one is Chinese. From wordfreq's lists: 1e-3 or more in
# Chinese, 30 times or more as frequent as in Japanese, the same in both Chinese standards; not
# 的, which Japanese writes in 目的 and as a suffix (国際的), nor 斯, a transliteration.
CHINESE_SIGNS = frozenset("是了我到你就也而之看其如那但什些很已此她或怎做把它又站需每吧")
# Characters Chinese writes (1e-5 or more in wordfreq's Chinese list, in either standard's form)
# that Japanese does not (under 1e-6 in its list: 們, 這, 你, 註, 效, 缺, 允...). The lists were
# read once to write this table (tests/test_lang_hanzi.py checks it against them): loading the
# Japanese list at run time costs half a second per process.
CHINESE_NOT_JAPANESE = frozenset(
    "丑专业丛东丝丟丢两严丧个丰临为丽举么义乌乎乐乔乘习乡书买亂于亏亚亞亦产亩亲亿什仅仆仍从仑仓仗仪们价份仿众优伙伞伟传伤伦伪"
    "估佈佔你佣佩佬侄侈侖侠侣侦侧侨侷俘俠俩俬俱倆們倡倦债值倾假偷偿傅傢储傻僑僞僱僵價儁儘儿允兇兌兑兒兔內兩兰关兴兹养兽冈册军"
    "农冯冰冲决况冻净凈凉减凑凤凭凯击划刘则刚创删刪别刮剂剋剑剝剧剩剪剷劃劍劑劝办务动劲劳势勁勋勒勛勞勳勵勸匆匈匪匯區华协单卖"
    "卡卢卦卧卫卷卹卻卽厅历厉压厌厕厘厠厢厤厦厲县參发变叙叛叠叢另叹吁吃吓吕吗吞吧吨听启吳吴吵吶吼呀呐员呜呢呵咋咒咖咨咪咬咯咱"
    "咸哄哇哈响哎哟哥哦哩哪哭哼唉唔唤售唸啊啟啡啤啥啦啪喀喂喇喊喔喬單喲喷喻嗎嗨嗯嘗嘛嘴嘿噁噢噪噸噹嚐嚮嚴囊囌团园围图圆圈圍圖"
    "圣圳场圾址坎坏坐块坚坛坝坞坟坠坡垃垄垒垫垮埔埰堡塌塑塘塢墅墊墙增墮墰墻壓壘壜壞壟壤壩壯壳处备复够夠夥头夸夹夺夾奋奖套奠奧"
    "奬奶奸她妆妇妈妒妓妝妞妮妳姆姊姨姬娃娛娜娱娶婊婪婴婶媳媽嫂嫩嬰嬸孃孙孟孩宁它实宠审宪宫宽宾寀寓寞寡寨寫寬寵寶对寻导將專對"
    "尔尘尝尤尬尴尷尸层屆屎屡屢屬屿岁岂岗岛岭峻峽崑崗崙崛崭嵗嶄嶼巖巢巩已币帅师帐帕帜带帮帶幟幫并广庆库应庙庞废庸廁廂廈廚廟廠"
    "廢廳开异弃弔弗张弯弹强彆彈彌彎归彔录彭彻很徑徙從徵德徽忆忧忽怀态怎怕总恆恕恢恤恳恶恼悄悅悉您悬惊惟惠惡惩惯惱愈愤愧愿慘慼"
    "慾懂懒懞懶懷懼戀戈戏战截戰戲戳戶户扁扎扑扒扔托扣执扩扫扬扭扯扰找抓抖抚抛抢护报抨抬拆拋拔拖拜拟拥拦拨择拯拼拿挂按挖挚挠挡"
    "挣挤挥挪挺捆捍捐捞损捡换捣捱捲捷掀掉掏掙掠掩掷插揭搁搅搏搖搗搜搞搶摄摆摇摊摔摧摸摺撈撐撑撓撕撞撥撸撼撿擅擇擊擋擎擔據擠擡"
    "擣擱擲擴擺擼擾攀攔攜攝攤攪收效敌敎敘敞敲數斃斤斩斯斷旁旂无旣旱时显晉晓晕晚晤晨暂暈暨曆曉曏曬曼曾會朕朮术朵杀杂权杆杠杨杰"
    "极构枪柜查柬柯标栋栏树样框桌档桥桩桿梦梭检棉棊棍棕棵楊榄榘榦槓槛槟樁樂樑樓樞樣樱樸橄橡橫檔檢檯檳櫃權欖欢欣欽款歇歉歎歐歡"
    "步歧歲歷歸歼殘殭殼毁毆每毕毙毫氓气氛氢氧氨氫汀汇汉汙污汤汪沃沉沒沟沦沪沫沮沾泛泝泪泼泽洁浆测济浏浓浙涂涉涌涡润涨涩涵淇淚"
    "淨淩淪淮淺渊渐渔渗渠渴游溃溪溫溯溼滙滚满滤滥滨滩滬滯滾滿漲漸漿潑潘潛澀澡澱澳濒濕濛濟瀋瀏瀑瀰灌灑灣灭灵灾炮炼烂烛烟烤烦烧"
    "烫热烹焰煤熙熬燒燙營燬燭爐爛爭爱爲爷爸爹爾牀牆牠牵牺犧犹狀狠狮狱狹猎猜猴獃獎獨獵獸獻玛玫环现玻琱琳琼瑜瑟瑪瑰瓊瓣瓷甜產甦"
    "甩甯电甸畅畏畝畢畫畴畵當疆疊疏疗疯疼痠痪瘋瘓瘦瘫瘾癡癥癮癱發盃盈盐监盒盔盖盘盜盡盧盪盯盼眾睏睛睹瞄瞎瞒瞧矇矩矮矶矿码砍砖"
    "砸础硃硕确碌碍碎碟碩碰碳碼磅磚礙礦祕祸禦禪禮禱离禽种积稅稍稣稱稳稻穆穌穎穩穷窄窗窝窥窩窺竊竖站竞竟竪竭笔笨笼筛筹签简箭篩"
    "篮篷簽籃籌籤籲类粤粮粵粹糕糟糰紡紧紮絃絕絲綁綉綑經綜綠綫綵緝緣緬縣縱縴總繞繡繩繪繫繳繹繼續纍纔纖纜纠红纤约级纪纬纯纱纲纳"
    "纵纷纸纹纺纽线练组绅细织终绍绎经绑结绕绘给络绝统绣继绩绪续绳维绵综绿缅缆缉缓缔编缘缚缝缠缩缴缺罈罎罐网罕罗罚罢罩羡羣翅翘"
    "翰翹耀而耍耻耽聊职联聚聪聯聰聲聽肃肅肆肚肠肤肮肾肿胀胁胖胜胶脉脏脑脖脣脩脫脸脹脾腊腥腦腳腻腾膩膽臀臂臉臘臟臥臺舆舉舊舍舒"
    "舔舰舱艘艙艰艱艳艷艺艾节芒芙芬芭苍苏苹范茲荆荊荐荡荣药莊莎莓莖莞莱莲获菇菲菸萊萝营萧萨葯蒂蒋蒐蓆蓝蓬蔔蔘蔡蔣蔬蕉蕩蕭蕴薯"
    "藉藏藥藴蘊蘋蘿虏虑處虛號虧虽虾蚀蚁蜡蝇蝕蝙蝠蝦蝴蠅蠟蠢蠻衅衊衍衔衕衚补衫衬衷袁袜袭裙裝裡裤裹褲襪襬襯覈覓覺覽觀见观规觅视"
    "览觉觸訝註詛詢詭詹說誼諧諷謊謠謬證譟譬譭譯譴譽讀變讓讚计订认讨让训议讯记讲讶许论讼讽设访诀证评诅识诈诉诊词译试诗诚话诞诠"
    "诡询该详语误诱说请诸诺读课谁调谅谈谊谋谍谎谐谓谜谢谣谦谨谬谱谴豈豎豐豔豫豬貓賈賓賣賤賦賬賴賺賽贊贏贝负贡财责败账货质贩贪"
    "贫贬购贯贱贴贵贷贸费贺贼贾贿赁赂资赋赌赎赏赐赔赖赚赛赞赠赢赫赵赶趁趋趕趟趨跃跌跑跟跨跪踐踢踩踰蹈蹤蹲躁躲躺輓輕輛輯輻轉轎"
    "车轨转轮软轰轴轻载轿较辅辆辈辉辐辑输辖辜辦辨辩辭辯边辽达迁过迈运还这进远违连迟迪迴迹适选逊逍递逛逻逼逾遏遗遞遲邀邁邏邓邮"
    "邻郑鄂鄉鄙鄧鄭鄰酱酿醇醉醣醫醬釀釁释釋釐釦鈎鈔鈕鉅鉤鉴銜銳銷鋒鋪錄錘錢錫錶鍊鍾鎊鎚鏈鏚鏟鑄鑒鑰鑽针钉钓钞钟钢钥钦钩钮钱钻"
    "铁铃铅铜铭铲银铸铺链销锁锅锋锐错锡锤锦键锻镇镑镜镟长閑閒閤閩閱闆闖關闡闢门闪闭问闯闲间闷闹闻闽阀阁阅阐阔队阱阳阴阵阶际陆"
    "陈陋陌陕陝陞险陷隐隧隨險隱隶隸难雕雖雙雜雞雾霉霍霸靈靜靠鞋鞏鞦韆韋韦韩韵頌頗顆顏顫顯页顶顷项顺须顽顾顿颁颂预领颇颈频颖颗"
    "题颜额颠颤颱颳颶飄风飓飘飞飪餘餵饋饑饒饥饪饭饮饰饱饲饶饼饿馆馈馒馮駁駛駝駡駱騷驅驕驗驟驢马驰驱驳驴驶驻驼驾骂骄骆验骑骗骚"
    "骤骯髒體髮鬆鬍鬚鬥鬧鬨魯鮑鯊鰐鱷鱼鲁鲍鲜鲨鲸鳄鵝鵰鷄鸟鸡鸣鸦鸭鸿鹅鹏鹰鹹鹽麥麪麫麯麴麵麼麽黃黑默點黨黴鼕齊齐齒齡齣齿龄龐"
    "龙龜龟"
)  # fmt: skip


def chinese_evidence(chars: Counter) -> tuple[Counter, bool]:
    """The characters of a count that Japanese does not write (JAPANESE_TOO left out), and
    whether the text holds any sign that it is Chinese (such a character, one of
    CHINESE_NOT_JAPANESE, or one of CHINESE_SIGNS)."""
    chinese = Counter({ch: n for ch, n in chars.items() if ch not in JAPANESE_TOO})
    return chinese, any(variant_counts(chinese)) or any(
        ch in CHINESE_SIGNS or ch in CHINESE_NOT_JAPANESE for ch in chars
    )


def variant_counts(chars: Counter) -> tuple[int, int]:
    """Occurrences of simplified-only and traditional-only characters in a character count."""
    simplified = sum(n for ch, n in chars.items() if ch in SIMPLIFIED_ONLY)
    traditional = sum(n for ch, n in chars.items() if ch in TRADITIONAL_ONLY)
    return simplified, traditional


def chinese_variant(chars: Counter, bopomofo: int = 0) -> tuple[str, float]:
    """Return ("zh-Hans" or "zh-Hant", probability) from a character count.

    Bopomofo is used in Taiwan alongside traditional characters, so it counts for Hant.
    With no distinctive character at all the text is called Simplified (the far larger
    written standard) with probability 0.5; `classify` answers "und" for such a text.
    """
    simplified, traditional = variant_counts(chars)
    traditional += bopomofo
    if simplified == traditional == 0:
        return "zh-Hans", 0.5
    # Laplace-smoothed share: one distinctive character gives 2/3, five give 6/7.
    if simplified >= traditional:
        return "zh-Hans", (simplified + 1) / (simplified + traditional + 2)
    return "zh-Hant", (traditional + 1) / (simplified + traditional + 2)
