"""The word lists of the genre, each in one place with one meaning.

Rules in ``indexer`` (fact extraction, terms) and in ``bot`` (understanding the
question, extracting the answer line) read the same kinds of words: measure
words, the suffixes that end a body's name, issuing verbs, place suffixes.
Each list lives here once, named by what it means; a rule that needs a
different set of words gets a differently named list, not a private copy.
"""

from __future__ import annotations

# --- Words of the documents: bodies, places, documents, figures -----------------------------

# Verbs of issuing a document, as the fact extractor reads them (X出台《Y》, X、Z联合印发《Y》).
ISSUING_ACTIONS = ("联合印发", "联合出台", "联合制定", "联合发布", "出台", "制定", "印发", "修订", "修改",
                   "发布", "颁布", "起草", "编制", "推出", "下发", "出台了", "制订")
# What a titled document is (…条例, …意见): a 《》 title ending in one is a document.
DOC_KINDS = ("条例", "意见", "通知", "规范", "标准", "手册", "指南", "办法", "方案", "规定",
             "细则", "规划", "决定", "法", "清单", "目录", "制度", "指引", "公告", "纲要")
# What a web page calls a report on work done (这篇综述, 这个报告), and a WeChat account its
# article (这篇推送): the document itself.
PAGE_KINDS = ("综述", "报道", "报告", "总结", "稿子", "新闻", "消息", "解读", "问答", "推送", "推文")
# Measure words a figure may carry (12家, 3.4万人次, 55个百分点), for the quantity facts.
MEASURE_WORDS = (
    "部门", "级", "大", "万亩", "亿元", "万元", "千元", "元", "项", "个", "家", "亩", "位", "人次", "万人",
    "人", "户", "次", "吨", "公斤", "%", "‰", "倍", "批", "条", "部", "年", "所", "座", "名", "件",
    "公里", "平方米", "个百分点", "百分点", "余项", "余家", "余个", "余人", "万", "亿",
    # Counted things a how-many question names (多少张床位, 几个月, 多少处隐患).
    "张", "处", "辆", "台", "个月", "天", "小时", "场", "起", "例", "间", "套", "支", "头", "只",
    # Cases (宗), copies (份), wells (眼, 口), plants (株, 棵), sessions (家次, 车次).
    "宗", "份", "块", "眼", "口", "株", "棵", "根", "片", "家次", "车次", "架次", "余宗",
    # Votes (以58票赞成) and sessions (第十四届).
    "票", "届",
    # Aircraft and vessels (7架客机, 3艘渔船); floors (二层, 3楼).
    "架", "艘", "层", "楼",
    # Visits and trips counted, not things (检查出租汽车2860辆次 does not say how many cars).
    "辆次", "户次", "台次", "艘次", "批次",
    # Money in other currencies, as news writes it (120.74亿美元, 7.5万马克).
    "美元", "日元", "港元", "欧元", "韩元", "马克", "英镑", "法郎", "卢布", "卢比", "比索", "里拉",
    "泰铢",
    # Measures (分贝, 米, 立方米, 公顷) and time served (6个月).
    "分贝", "立方米", "平方公里", "公顷", "千米", "米", "毫米", "厘米", "毫克", "千克", "克", "周",
    "分钟",
    # Weights as news writes them (重达660磅, 3万斤).
    "磅", "盎司", "斤",
    # Ages (60岁以上的老人), and grades of an award (荣立二等功, 获一等奖).
    "周岁", "岁", "等功", "等奖",
    # Kinds and classes counted (３５种主要矿种, 分为三类), and parts (由四部分组成).
    "种", "类", "部分",
    # Working days (审批时限由20个工作日压缩至5个工作日): a span of days, as 天 is.
    "个工作日", "工作日",
    # Containers counted (存放的气瓶不得超过2瓶, 查扣白酒120箱).
    "瓶", "罐", "箱", "袋", "桶", "盒",
    # Writings and pictures counted (收入文稿200篇, 诗词30首, 展出作品80幅, 图书5000册),
    # and couples (106对新人).
    "篇", "首", "幅", "册", "对",
    # Buildings (214栋危房, 3幢楼), letters (65万封), pairs (1.8万双), and small things
    # counted one by one (枚, 粒, 颗, 盏, 匹, 尾).
    "栋", "幢", "封", "双", "枚", "粒", "颗", "盏", "匹", "尾")
# Stations, offices and bodies named by what they do (质量安全监督站, 花桥派出所, 清水镇市场
# 监管所, 县计量检定测试所, 省级产品质量检验机构); not a bare 站, 所 or 机构 (车站, 场所,
# 金融机构).
_STATION_SUFFIXES = ("监督站", "管理站", "监测站", "检测站", "检验站", "派出所", "管理所", "监督所",
                     "监管所", "司法所", "检定所", "测试所", "检验所", "检测所", "研究所", "检验机构",
                     "检测机构", "鉴定机构", "认证机构")
# How an authority's name ends, for finding names in text (…市场监管局, …消防救援支队).
ORG_SUFFIXES = (
    "委员会", "办公室", "办公厅", "办事处", "管理局", "监管局", "政府", "部门", "委", "厅", "局", "署",
    "院", "中心", "协会", "法院", "检察院", "支队", "大队", "总队",  # 消防救援支队, 执法大队
    "科",  # 基金监管科: a section of a bureau
    *_STATION_SUFFIXES,
)
# Central bodies that announcements cite by abbreviation (中办、国办印发…).
CENTRAL_BODIES = ("中共中央", "国务院", "中办", "国办", "全国人大", "全国人大常委会", "党中央",
                  "中央办公厅", "国务院办公厅")
# How a name ends when it names a body at all, for "哪个部门/单位?" — wider than a
# department (…中心, …协会, 国务院) — and what alone names nobody (政府主导、部门联动).
BODY_SUFFIXES = ("部门", "单位", "机关", "机构", "委员会", "办公室", "办公厅", "办事处", "政府", "中心",
                 *_STATION_SUFFIXES, "厅", "局", "委", "署", "院", "协会", "中办", "国办", "国务院", "中央",
                 "支队", "大队", "总队")
# How a department's name ends ("哪些部门?": …五部门 and …局 are, 州政府 is not).
DEPARTMENT_SUFFIXES = ("部门", "局", "厅", "委", "署", "办")
# How a business's name ends ("哪家企业?").
COMPANY_SUFFIXES = ("公司", "集团", "企业", "合作社", "厂", "银行")
# Verbs of acting together, as a clause says them (X联合Y、Z…, X与Y…).
JOINT_VERBS = ("联合", "会同", "协同", "配合", "共同", "与", "和", "同")
# The narrower set a document's preamble uses for a joint action (…联合组织评选).
JOINT_ACTION_VERBS = ("联合", "会同", "共同", "协同")
# The last character of a place name (佛山市, 西充县, 大桥镇).
PLACE_TAILS = frozenset("省市县区州镇乡村旗盟")
# Countries, which news text names by one character once it has named them (以色列 → 以法律,
# 美国 → 美方): a question naming one is not held to the sentence saying it in full.
COUNTRIES = frozenset((
    "中国", "美国", "英国", "法国", "德国", "日本", "俄罗斯", "意大利", "加拿大", "澳大利亚", "韩国",
    "朝鲜", "印度", "巴基斯坦", "以色列", "巴勒斯坦", "伊朗", "伊拉克", "埃及", "南非", "巴西",
    "阿根廷", "墨西哥", "西班牙", "葡萄牙", "荷兰", "比利时", "瑞士", "瑞典", "挪威", "芬兰", "丹麦",
    "波兰", "捷克", "匈牙利", "奥地利", "希腊", "土耳其", "乌克兰", "越南", "泰国", "老挝", "柬埔寨",
    "缅甸", "马来西亚", "新加坡", "印度尼西亚", "印尼", "菲律宾", "蒙古", "沙特", "叙利亚", "黎巴嫩",
    "约旦", "古巴", "智利", "秘鲁", "新西兰", "孟加拉", "孟加拉国", "阿富汗", "哈萨克斯坦"))
# Regions of the world, wider than a country (中东斡旋 is reported by where it happened).
WORLD_REGIONS = frozenset((
    "中东", "东南亚", "欧洲", "亚洲", "非洲", "美洲", "北美", "南美", "拉美", "东欧", "西欧", "北欧",
    "南欧", "中欧", "中亚", "南亚", "东亚", "西亚", "北非", "大洋洲", "海湾地区", "巴尔干", "加勒比",
    "亚太", "远东"))
# Words that end like a place or are tagged as one, and name none: "在哪个城市?" asks for a
# place, it does not name one; 超市 and 股市 are markets.
GENERIC_PLACE_WORDS = frozenset((
    "城市", "大城市", "都市", "城镇", "山区", "京城", "上市", "超市", "股市", "夜市", "集市",
    "菜市", "楼市", "车市", "闹市", "黑市", "早市", "门市", "知县", "郡县", "州县", "市县",
    "县市", "省市", "地市"))
# Provinces and regions, which a document of one often names only as 全省 or 自治区.
PROVINCES = frozenset(
    "新疆 西藏 内蒙古 广西 宁夏 北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 "
    "福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 香港 澳门".split())
# Place suffixes from the widest level to the narrowest: "where?" is answered by the narrowest.
PLACE_LEVELS = (("自治区", 0), ("省", 0), ("地区", 1), ("州", 1), ("盟", 1), ("市", 1),
                ("县", 2), ("旗", 2), ("区", 3), ("镇", 4), ("乡", 4), ("街道", 5), ("村", 6))
# Verbs of implementing a higher document (为贯彻落实《…》).
IMPLEMENTING_VERBS = ("贯彻", "落实", "依据", "根据", "按照", "遵照")


# --- Words of questions: question words, frames, stop words ---------------------------------

# Question words and particles (哪个部门, 多少, 请问, 的 …): they shape the question, never the
# match; the understanding stage removes them before cutting the question into words.
QUESTION_WORDS = sorted({
    "哪个部门", "哪些部门", "什么部门", "哪个单位", "哪些单位", "哪家单位", "哪个机构", "哪些机构",
    "什么机构", "哪个地方", "哪些地方", "什么地方", "哪个地区", "哪些地区", "哪个州", "哪个市", "哪个县",
    "哪个文件", "哪些文件", "什么文件", "哪部", "哪项", "哪些", "哪个", "哪里", "哪儿", "在哪", "何地",
    # 哪 with a measure word asks which one (哪位局长, 哪家企业, 哪天, 哪年): news text holds
    # 哪位 and 哪天 as words too, which must not keep them as the question's topic.
    "哪位", "哪一位", "哪家", "哪一家", "哪天", "哪一天", "哪年", "哪一年", "哪种", "哪类",
    "哪次", "哪场", "哪条", "哪名", "哪国", "哪一个", "哪样",
    # …and with the preposition before it, whole (在哪儿: not 在哪 + a topic 儿).
    "在哪儿", "在哪里", "去哪儿", "去哪里", "到哪儿", "到哪里", "从哪儿", "从哪里",
    "什么", "啥", "谁", "由谁", "多少", "几个", "几项", "几", "多大", "多高", "多少钱", "第几",
    "怎么样", "怎么", "怎样", "如何", "是否", "有没有", "有哪些", "吗", "呢", "吧", "啊", "呀",
    "请问", "请", "告诉我", "我想知道", "想知道", "一下", "介绍", "具体", "主要", "分别", "都",
    "是", "了", "的", "地", "得", "和", "与", "及", "在", "有", "对", "把", "被", "将", "为",
    "哪", "个", "些", "做", "干", "搞", "采取", "措施", "举措", "做法", "情况", "内容",
    "这些", "这个", "这", "那些", "那个", "文中", "其中", "意思", "含义", "是指", "指的是", "指",
    "叫", "名字", "名称", "参与", "负责", "一起", "一共", "总共", "共", "值多少钱", "属于", "相关", "有关", "关于", "方面", "主要是", "还", "又", "也", "就", "么",
    "有人", "要", "应该", "需要", "怎么办", "这事", "这件事", "到底", "究竟",
    # What a case is meant to show, what one must mind (案例一想说明什么, 要注意啥), and
    # the conditional and the modal (不烧荒的话可以…): the frame, not the topic.
    "想说明", "想要说明", "说明了什么", "说明什么", "要注意", "需要注意", "应该注意", "应注意",
    "的话", "可以", "能不能", "能否",
    # Where, by the kind of place asked (哪个城市, 设在何处) — and with 在 before it, whole
    # (在哪些地方: not 在哪 + 些 + a topic 地方).
    "哪个城市", "哪座城市", "什么城市", "哪些城市", "何处", "何方", "在哪些地方", "在哪个地方",
    "在什么地方", "在哪个城市", "在何处",
    # A time of day or a count of points asked (几点发生的, 提了几点意见): the frame.
    "几点钟", "几点",
    # Why, with the modal it takes (为什么会炸: 炸 is the topic, 会 is not).
    "为什么会", "为啥会", "为何会", "怎么会", "咋会", "为什么", "为啥", "为何", "怎么回事",
    # Verbs of the question's frame, not of its topic (适用于哪个地区, 怎么处理).
    "适用于", "适用", "涉及", "怎么处理", "如何处理", "该怎么", "是怎么",
    # Who is in charge (谁来管, 归谁管): the frame, not the topic.
    "谁来管", "谁在管", "谁管", "归谁管", "谁来负责", "谁在负责",
    # What one gets (能拿多少奖金, 能领多少补贴): the frame; the thing got is the topic.
    "能拿", "能领", "拿到", "领到", "能得到", "能获得",
    # How long / how often / how far, deep, heavy: the frame of the question (its measure
    # is read by bot.measures).
    "多久", "多长时间", "多长", "多远", "多深", "多宽", "多重", "多厚", "有多长", "有多高",
    # 咋 is spoken 怎么 (咋处理, 咋办); 开始 frames a when-question (哪年开始搞的).
    "咋处理", "咋回事", "咋样", "咋办", "咋", "开始",
    # Directional complements (退回来, 查出来) and yes-no frames (会不会, 能不能):
    # the shape of the question, never its topic; 什么东西 is just "what".
    "回来", "出来", "起来", "下来", "过来", "上来", "下去", "会不会", "是不是",
    "要不要", "可不可以", "算不算", "东西",
    # By what means (用什么办法篡改的?): how, not which 办法 (a regulation).
    "用什么办法", "用啥办法", "用什么方法", "用什么手段", "用什么方式", "通过什么方式",
    "通过什么手段", "通过什么办法", "采取什么办法", "采取了什么办法", "靠什么办法", "靠什么",
    # The asker pointing into the document (前言里说的…, 通知里提到的…): where, not what.
    "前言", "序言", "导语", "开头", "文件里", "通知里", "里面", "里说", "说的", "提到的", "讲的",
    # The form the answer is asked in (局长姓名, 去世日期): the frame, not the topic.
    "姓名", "日期",
    # Pointing words and fillers of speech (那边, 前前后后, 一下子): never the topic.
    "那边", "这边", "那里", "前前后后", "一下子",
    # Pointing back with a measure word (那家企业, 这次出访, 那起案子, 那2家): which one the
    # asker means, never a word the text says of it.
    "那", "这次", "那次", "这场", "那场", "这家", "那家", "这起", "那起", "这项", "那项",
    "这位", "那位", "这名", "那名", "这条", "那条", "这张", "那张", "这回", "那回", "这件",
    "那件", "这所", "那所", "这座", "那座", "这种", "那种", "这本", "那本", "这部", "那部",
    "这篇", "那篇", "这份", "那份", "这届", "那届", "这批", "那批", "这支", "那支", "这块",
    "那块", "这片", "那片", "这段", "那段", "这台", "那台", "这辆", "那辆", "这首", "那首",
    "这幅", "那幅", "这只", "那只", "这桩", "那桩", "这宗", "那宗", "这笔", "那笔",
    # Pronouns (刘某某他们几号被抓的, 咱们驻法国大使是哪位): who the asker means, never a
    # word of the text.
    "他们", "她们", "它们", "他俩", "她俩", "咱们",
})

# The asker's time words and hedges (后来怎么处理的, 现在还有多少, 估计要过多少人): said in
# passing, seldom in the documents' own words.
DISCOURSE_WORDS = frozenset((
    "现在", "目前", "如今", "眼下", "以前", "之前", "从前", "后来", "最后", "最终", "原来",
    "原先", "本来", "当时", "那时", "那会儿", "当初", "估计", "大概", "大约", "差不多", "平时",
    "以后", "今后", "往后", "将来", "再有"))

# Words that make a sentence a question: in a long paste, the sentence that asks.
ASKING_WORDS = ("多少", "几", "什么", "哪", "谁", "吗", "怎么", "如何", "是否",
                "why", "what", "which", "who", "how", "when", "where")

# Verbs of being in charge (X牵头, X负责): how a sentence answers "谁负责?".
IN_CHARGE_VERBS = ("牵头", "负责", "主管", "主抓", "抓总", "统筹")

# Verbs a question uses for issuing a document (出台了什么文件?, 搞了啥规定?).
QUESTION_ISSUING_VERBS = frozenset("出台 制定 印发 发布 颁布 下发 出了 发了 搞了 弄了 推出".split())

# English words that carry no topic (the, which, please …).
ENGLISH_STOP_WORDS = frozenset(
    "a an the of in on for to by and or is are was were be been what which who whom whose where "
    "when why how many much did do does done has have had it its this that these those with from "
    "about as at into their there they them any some me tell please can could would should "
    "i we you our your my name list give show between among per each all get got date "
    "dates number amount".split()  # date: the answer's kind (a when-question), not a topic;
    # number, amount: what a how-many question asks for, not a topic
)

# English asking words that make the noun after them the frame (which department …).
ENGLISH_WHICH_WORDS = ("which", "what", "whose")

# English nouns of the answer's frame after "which"/"what" (which department → 哪个部门).
ENGLISH_FRAME_NOUNS = frozenset(
    "department departments agency agencies body bodies bureau bureaus authority authorities "
    "unit units organization organizations organisation organisations institution institutions "
    "office offices".split())

# English inflections stripped to find a glossary word (fines → fine), tried in this order.
ENGLISH_SUFFIXES = ("s", "es", "ed", "d", "ing")

# Toneless-pinyin question words (questions typed without an input method) → the kind asked:
# who / number / where / when / what.
PINYIN_QUESTION_WORDS: dict[str, str] = {
    "duoshao": "number", "jige": "number", "jixiang": "number", "nali": "where",
    "zainali": "where", "nage": "what", "shei": "who", "shui": "who", "nagebumen": "who",
    "shenme": "what", "sha": "what", "zenme": "what", "ruhe": "what", "shime": "what",
    "heshi": "when", "shenmeshihou": "when", "shuliang": "number", "narian": "when",
    "natian": "when", "zainar": "where", "weishenme": "what", "nanian": "when",
    "nayinian": "when", "nayitian": "when", "jihao": "when", "shenmeshijian": "when",
}

# Toneless pinyin of the measure words a how-many question may name (duoshao liang → 辆).
PINYIN_MEASURES: dict[str, str] = {
    "liang": "辆", "ge": "个", "jia": "家", "ren": "人", "ming": "名", "dun": "吨", "mu": "亩",
    "gongli": "公里", "tai": "台", "zuo": "座", "suo": "所", "xiang": "项", "ci": "次",
    "qi": "起", "jian": "件", "tiao": "条", "chu": "处", "hu": "户", "pi": "批", "tian": "天",
    "nian": "年", "yuan": "元", "qian": "钱", "zhang": "张", "li": "例", "zhi": "只",
}

# Pinyin of the place suffixes 市 县 州 省 区: places are indexed with theirs (changsha → 长沙市).
PLACE_SUFFIX_PINYIN = ("shi", "xian", "zhou", "sheng", "qu")

# Characters read differently in different words; the index keys each by its first reading
# in pypinyin's table, so a reading typed in a question may be another one.
POLYPHONES = "长行调给都乐藏会重率还降差传朝称当得地发干好和划假将角教结解觉看空量落没" \
             "便强区曲散少舍识属数说提同为相校应与约载扎着只种转仔作参曾单"
