"""Every weight and threshold of the answer core's ranking and extraction, in one table.

Each entry says what it weighs and why.  Unless an entry says otherwise its value was set by
hand on the development sets (tests/data: qa_dev, third … eighth, fourteenth) while the
rule it belongs to was written, and checked on them with `casebot eval`; none was chosen on
a held-out set.
The confidence model that decides whether a direct answer is shown is fitted, not set by
hand: see :mod:`bot.calibration` (written by ``scripts/fit_confidence.py``).

Changing a value changes answers: `tests/test_golden.py` shows which, and the change is a
measured commit of its own (`scripts/golden.py --write` after checking the figures).
"""

from __future__ import annotations

from typing import NoReturn

from bot.fitted import RANKING as _RANK


class Weights:
    """The table: typed class attributes, read-only on the instance.

    A plain class rather than a frozen dataclass: a dataclass of ~140 fields costs a cold
    `casebot ask` several milliseconds to build its ``__init__``, and nothing constructs
    the table with arguments.
    """

    # -- found or not -------------------------------------------------------------------
    # Whether the best passage answers is a fitted model over its coverage (bot/found.py,
    # bot/fitted.py FOUND).  This coverage makes a candidate a strong match: one that may
    # hold the asked figure or date (bot/narrow.py), or be followed by its section
    # (bot/assemble.py); a passage placed by a rule (a date line, a lead) scores this much.
    found_threshold: float = 0.6
    # … and a weak match, below it, that the found model may still accept (it needs about
    # this much coverage): for a how-many or when question it must hold the asked type too
    # (bot/narrow.py).  A constant, not the model's own figure, so that refitting the model
    # does not move what it is fitted on.
    weak_match_floor: float = 0.5
    # Coverage (bot.rank.coverage): a question word only the case title or section heading
    # above the sentence says counts this much (a place the case is about, fully).
    coverage_heading_credit: float = 0.6
    # A sentence that continues the best match's case may fall this far below the
    # threshold and still be a candidate for a figure or a date (it lacks the words its
    # case already said).
    same_case_slack: float = 0.05
    # "为什么会炸?": a sentence giving a cause in the best match's case may say this much less
    # of the question and still answer it first (the case title says what exploded;
    # bot.narrow.with_cause).
    cause_case_slack: float = 0.3
    # No candidate holds the figure or date asked, but a sentence at most this many after
    # the best match does, says a word the best match lacks, and the two together say this
    # share of the question's weight: it may answer (bot.narrow.following).
    following_sentences: int = 3
    following_coverage: float = 0.9
    # A yes-no question (…被处罚了没有?): its deed is the last word at most this many
    # characters before 了没有 or 是真的吗 (bot.found.yes_no_unanswered).
    yes_no_deed_chars: int = 6
    # A case report names its place in its first sentences (江阴市某公司…) when its title
    # names the city above (无锡市查处…): a place asked counts as named when these say it.
    case_opening_sentences: int = 2
    # …and a report that is one story (news, an interview) names it in its headline,
    # subtitle, dateline or lead: its first this many passages.
    story_opening_passages: int = 5
    # "有多少燃气用户?": the thing a how-many question counts ends it, in at most this many
    # characters after 多少 (bot.found.counted_missing) — a longer tail is a clause.
    counted_thing_chars: int = 6
    # The best passage meets the question only by its places, a count or part of a term:
    # one covering at most this much less that can answer comes first (bot/found.py).
    answering_slack: float = 0.05
    # "哪个单位立案侦查的?" met first by a sentence that does not say the deed: one covering at
    # most this much less that says it gives the answer (bot/extract/who.py).
    deed_slack: float = 0.1
    # … and its doer stands at most this many characters before the deed's word (王学贤主持,
    # 里特率领, 县公安局依法立案侦查).
    deed_gap_chars: int = 2

    # -- retrieval (bot/retrieve.py) -----------------------------------------------------
    # BM25's best this many passages are re-scored by the ranking.
    candidates: int = 100
    # A word in more than 1 of this many passages (管理, 部门) is common: retrieve by the
    # rarer words first (common words make BM25 score thousands of rows) …
    common_word_passages: int = 50
    # … and by all of them when the rarer words find fewer candidates than this.
    too_few_candidates: int = 25

    # -- ranking (bot/rank.py) -----------------------------------------------------------
    # A candidate's score is Σ weight × feature (bot.rank.Features); the sentence's own
    # share of the question's weight counts 1.  They live in bot/fitted.py: set by hand, and
    # `scripts/fit_rank.py` fits them by pairwise logistic regression on the training sets;
    # leave-one-set-out the fitted ones lost to these (README, "How the weights were
    # chosen"), so they were not written.
    # A question word named only by the case title or section heading above the sentence,
    # not by the sentence: partly covered …
    heading_only_credit: float = _RANK["heading"]
    # … unless it names a place the case is about (西充县's 一田一档): that holds for all
    # the case's sentences.
    heading_place_credit: float = _RANK["place"]
    # BM25's own opinion, scaled to its best candidate.
    bm25_share: float = _RANK["bm25"]
    # A heading names a topic rather than saying something …
    heading_hint: float = _RANK["heading_role"]
    # … a lead paragraph is the case's overview …
    lead_hint: float = _RANK["lead_role"]
    # … an issuing sentence (《》) for who/document questions …
    issuing_hint: float = _RANK["issuing"]
    # … a sentence with a figure (in the asked measure, if any) for how-many questions, and
    # one that dates something (not only its dateline) for when-questions.
    figure_hint: float = _RANK["figure"]
    # "第一批" asked, "第二批" said: another batch of cases (a negative weight).
    other_batch_weight: float = _RANK["other_batch"]
    # The thing a what/document question names, in 《》 or quotes, in the sentence.
    named_focus_bonus: float = _RANK["named_focus"]
    # "在哪?": a sentence naming a place the question does not name.
    new_place_bonus: float = _RANK["new_place"]
    # "谁负责?": the case's lead paragraph, when it covers this much of the question (set
    # by hand) …
    in_charge_lead_share: float = 0.8
    # … gets this much (who is in charge of a case is said in its lead).
    in_charge_lead_bonus: float = _RANK["in_charge_lead"]
    # The sentence says what the question word asks about (第二轮 of 第二轮哪天下?) — else
    # the question's last word, the head of its noun phrase — not only the story around it.
    focus_said_bonus: float = _RANK["focus_said"]

    # "这份通知…?" with several documents indexed: the documents of this many best
    # candidates are weighed for which one "this" is (bot/about.py).
    about_candidates: int = 20
    # "什么时候发的?" with no date line under the text: a day named in its first this many
    # passages (a news item's dateline) may answer, else the reply says it names none.
    dateline_passages: int = 3

    # -- the case's lead instead of its title --------------------------------------------
    # The best passage's case title covering this share of the question: the question is
    # about the case as a whole, and its lead paragraph answers.
    case_title_share: float = 0.8

    # -- extraction (bot/extract/) -------------------------------------------------------
    # A direct answer is looked for in the best this many passages …
    answer_pool_size: int = 10
    # … a figure or date that types a how-many/when question in the best this many …
    typed_pool_size: int = 30
    # … and an actor further down, as far as this rank.
    actor_search_depth: int = 50
    # A who-line that only points back (该局): the body it means is looked for this many
    # sentences back (bot.extract.who.pointed_at).
    pointer_lookback: int = 4
    # The clause that answers (best_clause): one holding the question's focus wins over
    # any count of the question's words …
    focus_in_clause: float = 100.0
    # … and one holding its head noun (…模式, …机制) alone, over all but that.
    focus_head_in_clause: float = 50.0
    # The words this many characters before a figure, and after it, describe it.
    figure_words_before: int = 12
    figure_words_after: int = 4
    # "有多少批不合格?": the question's words this many characters after 多少/几 and its
    # measure say what is counted, and weigh this many times more next to a figure.
    counted_words_chars: int = 5
    counted_word_factor: float = 2.0
    # …and count at this share of that anywhere later in the figure's clause, where the thing
    # counted stands after its modifiers (8名屡教不改的驾驶员).
    counted_after_share: float = 0.5
    # A figure in a sentence that opens with 其中 is a part of a total said before it
    # (收缴液化石油气瓶4860个。其中,…现场查扣液化石油气瓶612个): its description counts this
    # much less, so a question that names nothing of the part is answered by the total,
    # and one that names the part (顺德区…) still by the part.
    part_figure_penalty: float = 1.0
    # So is a figure whose sentence names a county, district, town or street the question
    # does not (龙岗区坂田街道…罚款20万元 under 深圳…罚了多少钱?, where 罚款合计231万元 is the
    # city's): one place's instance, not the whole the question asks about.
    finer_place_penalty: float = 1.0
    # A date or time whose own clause holds at most this many other characters (截至今天上午
    # 10时, …) is set off by itself: the clause after it says what happened then.
    set_off_time_chars: int = 8
    # "…会议,是谁作的报告?": the question's words after 谁 name the deed asked about, and
    # weigh this many times more in choosing the clause that answers (…周远清作了报告,
    # not 部分高校负责人介绍了管理体制改革…).
    deed_word_factor: float = 2.0

    # -- who and document (bot/extract/who.py, bot/extract/document.py) ----------------
    # Candidates within this much of the best score are weighed for an issuing fact …
    issuance_pool: float = 0.15
    # … and for an actor, within this much (a sentence naming one may rank a little lower)
    actor_pool: float = 0.3
    # … saying at least this share of what the best passage says.
    actor_pool_coverage: float = 0.7
    # … and further down, sentences of the best passage's own case, within this much.
    actor_pool_lower: float = 0.6
    # "是谁…?" answered by a body: its officer named right after it (署长于友先), posts
    # included, within this many characters of it.
    officer_gap: int = 16
    # A question word found on the other side of an issuing fact (the document for who,
    # the issuer for which-document): weak evidence the fact is the one asked about.
    other_side_credit: float = 0.3
    # The actor stands in the very clause that answers.
    actor_in_clause_bonus: float = 0.15
    # "哪些部门?" and the actor is a department (…局, …部门), not a government.
    department_bonus: float = 0.05
    # "谁牵头?" and the actor stands right before 牵头/负责.
    in_charge_actor_bonus: float = 0.4
    # The sentence's own subject, acting in all its clauses.
    own_subject_bonus: float = 0.15
    # The actor of the answering clause stands in an earlier clause.
    earlier_actor_bonus: float = 0.1
    # … or only in an earlier sentence (随即约谈建设单位: the index carried it over): no bonus —
    # a sentence naming its actor, a little lower, still wins.
    inherited_actor_bonus: float = 0.0
    # Candidates for a figure or a place within this much of the best score.
    value_pool: float = 0.1

    # -- evidence shown (bot/assemble.py) -------------------------------------------------
    # A case title ranked first gives way to its lead paragraph when the lead scores within
    # this much (the title is a headline; the lead says it in a sentence).
    lead_over_title: float = 0.1
    # Sentences added as context rank below every match: at this share of the lowest score
    # (their order is the reply's order, not a score).
    context_score: float = 0.5
    # Not found: candidates covering at least this much are shown as possibly related (a
    # way on for the asker, never an answer: found stays false) …
    related_floor: float = 0.35
    # … at most this many.
    related_count: int = 3
    # A bare heading ranked first is followed by this many sentences of its section.
    heading_sentences: int = 3

    # -- the answer line's confidence (bot/confidence.py) ---------------------------------
    # Its "agreeing" signal: how many passages after the first may come from the first's
    # article or case (chosen on the training sets' leave-one-set-out figures; the signal's
    # weight itself is fitted, bot/calibration.py).
    agreeing_passages: int = 3

    # -- reading the text around an answer ------------------------------------------------
    # A signature's date line may follow the issuer's name on the same line, this far in.
    issuer_before_date: int = 30
    # "…叫什么名字?": the thing asked by name is at most this long (…民营医院) …
    asked_thing_chars: int = 8
    # … and counted when a number stands within this many characters before it (3家).
    counted_before_chars: int = 6


    # -- understanding: the weight of each word of the question (bot/expand, bot/understand.py)
    # A word's weight is its rarity, log(1 + N / df); these scale it.
    # A lone character's rarity counts between these idf bounds (着 says nothing, 粪 much) …
    common_char_idf: float = 7.0
    rare_char_idf: float = 12.5
    # … and never below this share of its weight.
    min_char_factor: float = 0.25
    # A lone character the index has (由, 归, 建: mostly a verb or particle of the question) …
    lone_char_factor: float = 0.5
    # … and one it lacks.
    unknown_lone_char_factor: float = 0.3
    # A place the documents never name (广东省) is a hard constraint: not covered.
    unknown_place_factor: float = 3.0
    # A synonym from 同义词词林 is a less sure paraphrase than the hand table's.
    thesaurus_credit: float = 0.8
    # A near-synonym (拖拉机 ~ 农机: one small class of 词林, a shared character) is
    # looser still: it is tried only when no synonym is used.
    near_synonym_credit: float = 0.6
    # An English word read through CC-CEDICT rather than the glossary: less sure.
    dictionary_credit: float = 0.7
    # An English word nothing maps still counts against coverage, at this share.
    unknown_english_factor: float = 0.5
    # "后来怎么处理的?": the asker's time words the documents never use, told in passing.
    discourse_factor: float = 0.3
    # "出台了什么文件?": the issuing verb frames the question more than it must be matched.
    issue_verb_factor: float = 0.3
    # "除了X还有谁?": X helps find the sentence (X牵头, A、B参与) at this share.
    set_aside_factor: float = 0.5
    # An everyday word merged from lone characters (明天, 病人) the index lacks.
    everyday_word_factor: float = 0.5
    # The asker's phrasing around the topic (能吃上饭, 提前收多久) the index lacks.
    colloquial_factor: float = 0.5
    # A word the index lacks weighs as if it stood in half a passage, log(1 + N / 0.5):
    # rarer than any word the index has.
    unknown_df: float = 0.5

    # -- understanding: how far a word is expanded (bot/expand) ---------------------------
    # A synonym from the hand table standing in 1 of this many passages or more …
    common_synonym_share: int = 50
    # … and more than this many times as common as the asker's own word (which the
    # documents use) would only blur it: left out.
    common_synonym_ratio: int = 3
    # Headwords CC-CEDICT gives for an English word, tightest first, looked up in the index …
    max_dictionary_candidates: int = 60
    # … and how many of those the index has stand for the word ("fine" → 罚款 …).
    max_dictionary_alts: int = 4
    # Index words a pinyin key stands for, commonest first.
    max_pinyin_alts: int = 3
    # Thesaurus synonyms the documents use that stand for an unknown word, rarest first.
    max_thesaurus_alts: int = 4
    # Index words inside a piece of a longer word (牛羊杂 → 牛羊 …) to retrieve it by.
    max_partial_search_words: int = 4
    # Parts of a long known word (畜禽屠宰管理条例 → 屠宰, 条例) to retrieve by …
    max_part_search_words: int = 3
    # … those in at most 1 of this many passages …
    part_search_share: int = 20
    # … or in at most this many passages (small indexes).
    part_search_min_df: int = 20
    # Spellings of a typed pinyin word with its polyphones read otherwise (yinhang → yinxing).
    max_reading_variants: int = 8
    # A character this common in jieba's dictionary (佛 of 佛山 and commoner) may be typed
    # in its second reading (fo, stored as fu).
    polyphone_min_char_freq: int = 2000
    # English or pinyin phrases of up to this many words are read as one (food safety law).
    max_latin_phrase_words: int = 4
    # A pinyin key of at least this many letters is also tried with a place suffix
    # (changsha → changshashi); shorter ones would match any 市 or 县.
    place_pinyin_min_len: int = 4
    # A Latin word of at least this many letters may be two index words typed as one
    # (cunweishengshi) …
    glued_pinyin_min_len: int = 6
    # … and one of at least this many is looked up in the dictionary, or counts as unknown.
    english_min_len: int = 3
    # Readings of a polyphone considered (its first, as the index keys it, and others) …
    max_char_readings: int = 3
    # … and how many partial spellings are carried per syllable, times max_reading_variants.
    reading_variants_breadth: int = 4
    # Runs of at most this many lone characters are tried as one mistyped word (小饭卓) …
    max_loose_run: int = 3
    # … against index words at most this many characters longer.
    loose_window_extra: int = 2
    # Lone characters merged into an everyday word of at most this many (明天, 下雨).
    max_everyday_word_len: int = 4
    # A stretch of at least this many characters inside a longer index word (牛羊杂) is a
    # piece of it, not a typo.
    partial_min_len: int = 3
    # An unknown stretch of at least this many characters with a modal verb or particle
    # is the asker's phrasing (能吃上饭).
    colloquial_min_len: int = 3
    # A known word of at least this many characters is retrieved by its parts too.
    long_word_len: int = 4
    # A question's word split into index words: each character left unknown costs this
    # (a word of n characters scores n²).
    unknown_char_cost: float = 1.0

    # -- understanding: typo correction (bot/expand/typos.py) ----------------------------
    # Only words of at most this many characters are corrected …
    typo_max_word_len: int = 3
    # … against index words of at most this many characters around them …
    typo_max_window: int = 6
    # … at this many substituted characters …
    typo_max_edits: int = 1
    # … among at most this many candidates per window.
    typo_candidates_per_window: int = 20
    # A correction shorter than this must sound the same (管里 → 管理); longer ones are
    # unambiguous enough to be fixed whatever the sound.
    typo_any_sound_len: int = 4
    # A correction's rank: the window's length times this, plus 1 when it sounds the same,
    # plus log(1 + df): longer first, then same sound, then commoner.
    typo_window_weight: int = 2

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"the weights table is read-only ({name})")


WEIGHTS = Weights()

__all__ = ["WEIGHTS", "Weights"]
