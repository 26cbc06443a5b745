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
# Measure words a figure may carry (12家, 3.4万人次, 55个百分点), for the quantity facts.
MEASURE_WORDS = (
    "部门", "级", "大", "万亩", "亿元", "万元", "千元", "元", "项", "个", "家", "亩", "位", "人次", "万人",
    "人", "户", "次", "吨", "公斤", "%", "倍", "批", "条", "部", "年", "所", "座", "名", "件",
    "公里", "平方米", "个百分点", "百分点", "余项", "余家", "余个", "余人", "万", "亿",
    # Counted things a how-many question names (多少张床位, 几个月, 多少处隐患).
    "张", "处", "辆", "台", "个月", "天", "小时", "场", "起", "例", "间", "套", "支", "头", "只",
    # Cases (宗), copies (份), wells (眼, 口), plants (株, 棵), sessions (家次, 车次).
    "宗", "份", "块", "眼", "口", "株", "棵", "根", "片", "家次", "车次", "架次", "余宗",
    # Measures (分贝, 米, 立方米, 公顷) and time served (6个月).
    "分贝", "立方米", "平方公里", "公顷", "千米", "米", "毫克", "千克", "克", "周", "分钟")
# How an authority's name ends, for finding names in text (…市场监管局, …消防救援支队).
ORG_SUFFIXES = (
    "委员会", "办公室", "办公厅", "管理局", "监管局", "政府", "部门", "委", "厅", "局", "署",
    "院", "中心", "协会", "法院", "检察院", "支队", "大队", "总队",  # 消防救援支队, 执法大队
    "科",  # 基金监管科: a section of a bureau
)
# Central bodies that announcements cite by abbreviation (中办、国办印发…).
CENTRAL_BODIES = ("中共中央", "国务院", "中办", "国办", "全国人大", "全国人大常委会", "党中央",
                  "中央办公厅", "国务院办公厅")
# How a name ends when it names a body at all, for "哪个部门/单位?" — wider than a
# department (…中心, …协会, 国务院) — and what alone names nobody (政府主导、部门联动).
BODY_SUFFIXES = ("部门", "单位", "机关", "机构", "委员会", "办公室", "办公厅", "政府", "中心",
                 "厅", "局", "委", "署", "院", "协会", "中办", "国办", "国务院", "中央",
                 "支队", "大队", "总队")
# How a department's name ends ("哪些部门?": …五部门 and …局 are, 州政府 is not).
DEPARTMENT_SUFFIXES = ("部门", "局", "厅", "委", "署", "办")
# How a business's name ends ("哪家企业?").
COMPANY_SUFFIXES = ("公司", "集团", "企业", "合作社", "厂")
# Verbs of acting together, as a clause says them (X联合Y、Z…, X与Y…).
JOINT_VERBS = ("联合", "会同", "协同", "配合", "共同", "与", "和", "同")
# The narrower set a document's preamble uses for a joint action (…联合组织评选).
JOINT_ACTION_VERBS = ("联合", "会同", "共同", "协同")
# The last character of a place name (佛山市, 西充县, 大桥镇).
PLACE_TAILS = frozenset("省市县区州镇乡村旗盟")
# Place suffixes from the widest level to the narrowest: "where?" is answered by the narrowest.
PLACE_LEVELS = (("自治区", 0), ("省", 0), ("地区", 1), ("州", 1), ("盟", 1), ("市", 1),
                ("县", 2), ("旗", 2), ("区", 3), ("镇", 4), ("乡", 4), ("街道", 5), ("村", 6))
# Verbs of implementing a higher document (为贯彻落实《…》).
IMPLEMENTING_VERBS = ("贯彻", "落实", "依据", "根据", "按照", "遵照")


# --- Words of questions: question words, frames, stop words ---------------------------------
