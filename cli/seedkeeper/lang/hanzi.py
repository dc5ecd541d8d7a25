"""Simplified or Traditional Chinese, from the characters that differ between the two.

A statistical model trained on character n-grams needs a lot of text to separate the two
standards; one distinctive character settles it. The table below pairs frequent characters
whose simplified and traditional forms differ and where neither form is also an ordinary
character of the other standard (so 后/後, 里/裡, 干/幹, 台/臺, 着/著 are left out).
"""

from __future__ import annotations

from collections import Counter

# Parallel strings: _SIMPLIFIED[i] is written _TRADITIONAL[i] in traditional characters.
_SIMPLIFIED = (
    "这们国说会对时发学经过还来个为开关长门问间闻见现观觉视亲车东动务实头买卖乐书业专两严丰临"
    "义乌习乡乱争亏亚产亿仅从仓仪价众优伟传伤伦体侦侧侨俭债倾偿储儿兰兴养兽内冈册写军农冯决况"
    "冻净凉减凑凤凭凯击刘则刚创删别剂剑剧办劝劳势区医华协单卢卫却厂厅历压厌厕厦县参双变叙叠号"
    "叹吓吕吗启吴员呜响哑唤团园围图圆圣场坏块坚坛坝坟垄垒处备夸夹夺奋奖妆妇妈娄娱孙宁宝宠审宪"
    "宫宽宾寻导寿将尔尘尝层属岁岛岭岂峡崭巩币帅师帐带帮库应庙废异弃张弥弯弹强归当录彻径忆忧怀"
    "态怜总恋恳恶恼悦惊惧惨惯愤愿戏战户扑执扩扫扬扰抚抛报担拟拢拣拥择挡挤挥损换掷揽摄摆摇敌数"
    "斋断无旧旷显晋晒晓暂术机杀杂权条杨极构枪枫柜标栋栏树样桥档梦检楼横欢欧残毕毁气汇汉汤沟没"
    "沪泪泽洁浅测济浓涛润涨渐温湾湿满滚滞灭灯灵灾炉点炼烂热焕爱爷牵犹狮独猎猫献环电画畅疗疯盏"
    "盐监盖盘睁矿码砖础硕确礼祸离积称税稳穷窝竞笔笼筑简签类粮紧红约级纪纯纳纸纷线练组细织终绍"
    "结绕绘给络绝统继绩续维绿缓编缘缩网罗罚职联肃肠肤肿胁胜脑脚脸腊舰舱艺节芦苏苹荐药莱获萝"
    "营蓝虏虑虽虾蚁蛮补衬袭装规览订认讨让训议记讲许论设访证评识诉词译试诗诚话询该详语误请诸读"
    "课谁调谈谋谓谢谣谨谱贝负贡财责败货质贩贪购贯贵贷费贸资赏赔赖赚赛赞赶趋跃践踪轨转轮软轻载"
    "较辅辆辈辑输辞边达迁运进远违连迟选递逻遗邓邮邻郑酱释针钟钢钱铁铃银铺链销锁锅错键镇闭闯闲"
    "闹阀阅队阳阴阵阶际陆陈险隐难雾静页顶项顺须顾顿预领频题颜风飞饭饮饰饱馆马驱驶验骗骑鱼鲁鲜"
    "鸟鸡鸣鸭龙齐齿龄黄麦铜么与万听"
)
_TRADITIONAL = (
    "這們國說會對時發學經過還來個為開關長門問間聞見現觀覺視親車東動務實頭買賣樂書業專兩嚴豐臨"
    "義烏習鄉亂爭虧亞產億僅從倉儀價眾優偉傳傷倫體偵側僑儉債傾償儲兒蘭興養獸內岡冊寫軍農馮決況"
    "凍淨涼減湊鳳憑凱擊劉則剛創刪別劑劍劇辦勸勞勢區醫華協單盧衛卻廠廳歷壓厭廁廈縣參雙變敘疊號"
    "嘆嚇呂嗎啟吳員嗚響啞喚團園圍圖圓聖場壞塊堅壇壩墳壟壘處備誇夾奪奮獎妝婦媽婁娛孫寧寶寵審憲"
    "宮寬賓尋導壽將爾塵嘗層屬歲島嶺豈峽嶄鞏幣帥師帳帶幫庫應廟廢異棄張彌彎彈強歸當錄徹徑憶憂懷"
    "態憐總戀懇惡惱悅驚懼慘慣憤願戲戰戶撲執擴掃揚擾撫拋報擔擬攏揀擁擇擋擠揮損換擲攬攝擺搖敵數"
    "齋斷無舊曠顯晉曬曉暫術機殺雜權條楊極構槍楓櫃標棟欄樹樣橋檔夢檢樓橫歡歐殘畢毀氣匯漢湯溝沒"
    "滬淚澤潔淺測濟濃濤潤漲漸溫灣濕滿滾滯滅燈靈災爐點煉爛熱煥愛爺牽猶獅獨獵貓獻環電畫暢療瘋盞"
    "鹽監蓋盤睜礦碼磚礎碩確禮禍離積稱稅穩窮窩競筆籠築簡簽類糧緊紅約級紀純納紙紛線練組細織終紹"
    "結繞繪給絡絕統繼績續維綠緩編緣縮網羅罰職聯肅腸膚腫脅勝腦腳臉臘艦艙藝節蘆蘇蘋薦藥萊獲蘿"
    "營藍虜慮雖蝦蟻蠻補襯襲裝規覽訂認討讓訓議記講許論設訪證評識訴詞譯試詩誠話詢該詳語誤請諸讀"
    "課誰調談謀謂謝謠謹譜貝負貢財責敗貨質販貪購貫貴貸費貿資賞賠賴賺賽贊趕趨躍踐蹤軌轉輪軟輕載"
    "較輔輛輩輯輸辭邊達遷運進遠違連遲選遞邏遺鄧郵鄰鄭醬釋針鐘鋼錢鐵鈴銀鋪鏈銷鎖鍋錯鍵鎮閉闖閒"
    "鬧閥閱隊陽陰陣階際陸陳險隱難霧靜頁頂項順須顧頓預領頻題顏風飛飯飲飾飽館馬驅駛驗騙騎魚魯鮮"
    "鳥雞鳴鴨龍齊齒齡黃麥銅麼與萬聽"
)
assert len(_SIMPLIFIED) == len(_TRADITIONAL)

SIMPLIFIED_ONLY = frozenset(_SIMPLIFIED)
TRADITIONAL_ONLY = frozenset(_TRADITIONAL)

# Japanese forms (shinjitai) that neither Chinese standard writes (庁: 厅 / 廳, 駅: 驿 / 驛), and
# characters made in Japan (畑, 込, 峠): a text of kanji alone ("東京都庁舎") is Japanese when it
# holds one. Not 浅, 践, 湾, which Simplified Chinese writes too, nor 浜 (Shanghai's 张家浜) or
# 歳; checked against the Chinese of the benchmark's texts (none there).
JAPANESE_ONLY = frozenset(
    "庁駅県図広売読気沢桜円対応楽薬鉄発変戦転辺関験険処畑込峠枠辻栃働払黒緑経軽検権弾満亜悪圧営塩"
    "価覚観帰挙継専銭総続帯団伝脳済渉様頼覧両労恵剣"
)
assert not JAPANESE_ONLY & (SIMPLIFIED_ONLY | TRADITIONAL_ONLY)


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
