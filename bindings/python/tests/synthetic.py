"""A deterministic synthetic schedule across thousands of accounts, with planted problems.

Ordinary accounts post varied text by day on their network. Planted: texts copied by 2-6
accounts (exact copies, copies that normalize equal, native retweets and short greetings that
must not count), reposters with exact and near copies, cross-network blasts with X-only syntax,
an hourly machine, a 24/7 poster, an RSS feed, a flood, a promotion-heavy account, #FF on other
days, repeated hashtag sets, posts without account and posts without time. The same seed gives
the same posts (ids `s0`, `s1`, ...), shuffled.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

WORDS_FILE = Path(__file__).resolve().parents[3] / "crates/postlint/src/rules/post/common_words.txt"
NETWORKS = ["x", "bluesky", "mastodon", "linkedin", "threads", "facebook"]
OFFSETS = [-5, 0, 1, 9, -8, 2]
TAGS = ["#community", "#books", "#running", "#music", "#food", "#history", "#cycling", "#art", "#coffee"]
START = datetime(2026, 1, 5, tzinfo=timezone.utc)

Post = dict[str, Any]


def words() -> list[str]:
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return [word for word in lines if not word.startswith("#") and len(word) >= 3]


def stamp(seconds: float, offset_hours: int) -> str:
    """RFC 3339 time `seconds` after START, written in the given offset."""
    zone = timezone(timedelta(hours=offset_hours))
    return (START + timedelta(seconds=int(seconds))).astimezone(zone).isoformat()


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = words()
        self.posts: list[Post] = []

    def sentence(self, low: int = 10, high: int = 18) -> str:
        rng = self.rng
        chosen = [rng.choice(self.words) for _ in range(rng.randint(low, high))]
        text = " ".join(chosen).capitalize() + rng.choice(".!?.")
        roll = rng.random()
        if roll < 0.15:
            text += " " + rng.choice(TAGS)
        elif roll < 0.3:
            text += f" https://example.org/{rng.randrange(100_000)}"
        return text

    def add(self, text: str, account: str | None, network: str, at: str | None, **extra: Any) -> None:
        post: Post = {"id": f"s{len(self.posts)}", "text": text, "network": network}
        if account is not None:
            post["account"] = account
        if at is not None:
            post["at"] = at
        post.update(extra)
        self.posts.append(post)

    def ordinary(self, count: int, first: int = 0) -> list[tuple[str, str, int]]:
        """Accounts `person<first>`, ... posting every 1-3 days by daylight: `count` posts."""
        accounts = []
        target = len(self.posts) + count
        number = first
        while len(self.posts) < target:
            name, network, offset = f"person{number}", NETWORKS[number % 6], OFFSETS[number % 6]
            accounts.append((name, network, offset))
            day = self.rng.randrange(30)
            for _ in range(min(self.rng.randint(20, 60), target - len(self.posts))):
                day += self.rng.randint(1, 3)
                local_hour = self.rng.randint(8, 21)
                seconds = day * 86_400 + (local_hour - offset) * 3600 + self.rng.randrange(3600)
                self.add(self.sentence(), name, network, stamp(seconds, offset))
            number += 1
        return accounts

    def copy_rings(self, accounts: list[tuple[str, str, int]], rings: int) -> None:
        """Texts posted by 2-6 accounts: as is, restyled (same normalized text), as retweets."""
        rng = self.rng
        for ring in range(rings):
            text = self.sentence(8, 14)
            network = NETWORKS[ring % 3]
            members = rng.sample(accounts, rng.randint(2, 6))
            base = rng.randrange(300) * 86_400
            for member, (name, _, offset) in enumerate(members):
                variant = text
                if member % 3 == 1:
                    variant = text.upper().rstrip(".!?") + "!!"
                if ring % 7 == 0 and member == 0:
                    variant = f"RT @{members[1][0]}: {text}"
                at = stamp(base + member * rng.randrange(60, 20_000), offset)
                self.add(variant, name, network if ring % 5 else NETWORKS[member % 6], at)
            if ring % 11 == 0:
                self.add(text, None, network, stamp(base, 0))
        for name, network, offset in rng.sample(accounts, 40):
            self.add("Happy new year, friends!", name, network, stamp(360 * 86_400, offset))

    def reposters(self, count: int) -> None:
        """Originals and their copies a few days later: exact, new link, near (a word changed)."""
        rng = self.rng
        for number in range(count):
            account = f"reposter{number % 25}"
            text = f"{self.sentence(14, 20)} {rng.choice(TAGS)}"
            base = rng.randrange(300) * 86_400 + 9 * 3600
            self.add(text, account, "x", stamp(base, 2))
            words = text.split(" ")
            kind = number % 4
            if kind == 0:
                copy = text
            elif kind == 1:
                copy = f"{text} https://example.org/r{number}"
            else:
                words[3] = "honestly"
                if kind == 3:
                    words.insert(6, "really")
                copy = " ".join(words)
            self.add(copy, account, "x", stamp(base + rng.randint(1, 40) * 86_400 // 4, 2))

    def blasts(self, count: int) -> None:
        """One account sending one text to 3-5 networks within hours, some with #FF or @handles."""
        for number in range(count):
            account = f"blaster{number % 10}"
            extra = [" #FF @alice @bob", " thanks @carol", ""][number % 3]
            text = self.sentence(8, 12) + extra
            base = self.rng.randrange(300) * 86_400 + 14 * 3600
            for step, network in enumerate(NETWORKS[: 3 + number % 3]):
                self.add(text, account, network, stamp(base + step * 1800, 0))

    def robots(self) -> None:
        for hour in range(60):
            self.add(self.sentence(), "machine", "x", stamp(hour * 3600, 0))
        for hour in range(24 * 9):
            self.add(
                self.sentence(), "allnight", "mastodon", stamp(hour * 3600 + self.rng.randrange(3000), 0)
            )
        for day in range(40):
            title = " ".join(self.rng.choice(self.words) for _ in range(self.rng.randint(4, 7)))
            url = f"https://blog.example.com/p/{1000 + day}"
            self.add(f"New post: {title} {url}", "rssfeed", "linkedin", stamp(day * 86_400 + 9 * 3600, 1))
        for minute in range(9):
            self.add(self.sentence(), "flooder", "x", stamp(50 * 86_400 + minute * 300, 0))
        for number in range(30):
            promo = number % 3 != 2
            text = f"Buy now: 30% off Acme Cloud {self.sentence(5, 8)}" if promo else self.sentence()
            self.add(text, "shop", "instagram", stamp(number * 86_400, 0), promotional=promo)
        for number in range(12):
            day = 3 + number * 7 + number % 3  # Fridays and other days (2026-01-09 is a Friday)
            self.add(
                f"#FF @ann @bob great people {number}", "ffposter", "x", stamp(day * 86_400 + 12 * 3600, 0)
            )
        for number in range(12):
            self.add(
                f"{self.sentence(6, 9)} #rust #python #golang", "tagger", "bluesky", stamp(number * 86_400, 0)
            )

    def loose_posts(self) -> None:
        """Posts without account, and posts without time."""
        for number in range(200):
            self.add(self.sentence(), None, NETWORKS[number % 6], stamp(number * 7_000, 0))
        for number in range(200):
            self.add(self.sentence(), f"person{number}", NETWORKS[number % 6], None)

    def shuffled(self) -> list[Post]:
        posts = list(self.posts)
        self.rng.shuffle(posts)
        return posts


def generate(size: int = 100_000, seed: int = 7) -> list[Post]:
    """About `size` posts (at least `size`) from `seed`, shuffled."""
    generator = Generator(seed)
    generator.robots()
    generator.reposters(max(size // 100, 20))
    generator.blasts(max(size // 500, 10))
    generator.loose_posts()
    accounts = generator.ordinary(max(size // 2, 1_000))
    generator.copy_rings(accounts, max(size // 150, 20))
    generator.ordinary(size - len(generator.posts), first=len(accounts))
    return generator.shuffled()
