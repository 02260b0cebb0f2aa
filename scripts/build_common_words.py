#!/usr/bin/env python
"""Rebuild src/litkg/data/common_words.txt.gz: everyday English words.

The entity stage drops a lone word that the NER tagged, that no vocabulary knows and that is one
of these words ("ever", "combine", "April", "plates"): the NER was trained on biomedical
abstracts and misfires on everyday words in other prose (see litkg.extract.entities).

Source: wordfreq 3.1.1 (Robyn Speer; code Apache-2.0, word-frequency data CC BY-SA 4.0, built
from Wikipedia, subtitles, news, books, web text and more), English "best" list; every
all-letter word with a Zipf frequency >= 3.9 (about 8,000 words; "insulin" is 3.8, "morphine"
3.4, "combine" 4.1).  The derived list is shared under CC BY-SA 4.0 like its source.
wordfreq is needed only to rebuild the list (litkg does not depend on it):

    python -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python scripts/build_common_words.py [--min-zipf 3.9]

The wider list src/litkg/data/english_words.txt.gz (Zipf >= 2.5, ~51k words: "cone",
"elongate", "naloxone") is built by the same script; litkg uses it only for spans no vocabulary
grounds (an NER "drug" made of English words is no drug):

    /tmp/wf/bin/python scripts/build_common_words.py --min-zipf 2.5 --out src/litkg/data/english_words.txt.gz
"""

import argparse
import gzip
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "litkg" / "data" / "common_words.txt.gz"


def main(argv=None) -> int:
    from wordfreq import iter_wordlist, zipf_frequency

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-zipf", type=float, default=3.9)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    words = []
    for word in iter_wordlist("en", wordlist="best"):  # most frequent first
        if zipf_frequency(word, "en") < args.min_zipf:
            break
        if re.fullmatch(r"[a-z]+", word):
            words.append(word)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write(f"# English words with a Zipf frequency >= {args.min_zipf} (wordfreq 3.1.1, 'best' "
                     "list, CC BY-SA 4.0); built by scripts/build_common_words.py\n")
        handle.write("\n".join(words) + "\n")
    print(f"wrote {len(words)} words to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
