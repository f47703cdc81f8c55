"""How long the disclosure rules take: a full release and one step, by session size.

Run: `.venv/bin/python -m bench.disclosure` (no database: the rules are pure Python). Prints one
line per size; compare figures from one run only.
"""

import os
import random
import time

import django


def _stand(disclosure, n: int, stellingen: list[int], seed: int):
    r = random.Random(seed)  # noqa: S311 (made-up answers, not a secret)
    groepen = ["kerngroep", "ontwerpgroep", "mantelzorger", "anders"]
    return disclosure.Stand(
        respondenten={
            pk: disclosure.Respondent(
                r.choice(groepen),
                f"organisatie {r.randrange(25)}",
                {s: r.choice([1, 2, 3, 4, 5, None]) for s in stellingen if r.random() < 0.9},
            )
            for pk in range(n)
        }
    )


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from condities import disclosure

    stellingen = list(range(25))
    condities = {f"c{i}": stellingen[i * 5 : (i + 1) * 5] for i in range(5)}
    print(
        "respondents  full release (ms)  step (ms)   5 conditions x 5 statements, 25 organisations"
    )
    for n in (20, 100, 300, 1000):
        vorige, nu = _stand(disclosure, n, stellingen, 1), _stand(disclosure, n, stellingen, 2)
        start = time.perf_counter()
        vrijgave = disclosure.volledig(vorige, condities, drempel=3)
        volledig = time.perf_counter() - start
        start = time.perf_counter()
        disclosure.stap(vrijgave, nu, condities, drempel=3)
        stap = time.perf_counter() - start
        print(f"{n:>11}  {volledig * 1000:>17.0f}  {stap * 1000:>9.0f}")


if __name__ == "__main__":
    main()
