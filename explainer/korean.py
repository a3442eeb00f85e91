"""Korean text as the Korean edition's checks must read it: numbers, quotations and search keywords.

Korean copy writes one quantity many ways (28,500명, 2만8500명, 2만8천500명, 2만 8천500명; 1조5192억원
for 1.5192 trillion won), so the pair check compares *values*, never digit strings: the English side
reads "1.5192 trillion" as the same value. Dates are not figures in either language (2026년 6월 4일,
4 June 2026), as in the English evidence check.

A Korean quotation of an English source is the editors' translation and must say so, the way Korean
outlets do: the Korean words in quotes followed at once by the English original in quotes and
brackets, “주된 책임”(“primary responsibility”). The English original is then held to the English
evidence; a quotation without it must be the words of a Korean source, verbatim.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from decimal import Decimal
from typing import NamedTuple

from .evidence import DATES as ENGLISH_DATES

HANGUL_WORD = re.compile(r"[가-힣]+")


def in_korean(text: str) -> bool:
    """Whether a text is (at least partly) Korean: a Korean-language source's recorded words are."""
    return bool(HANGUL_WORD.search(text))


def marked_english(text: str) -> str:
    """On a Korean page, a text with no Hangul (an English source's line, a page only the English
    edition has) marked lang="en", so that screen readers read it in English."""
    return text if in_korean(text) else f'<span lang="en">{text}</span>'


# Korean units: 천 (10^3) groups inside 만/억/조 (10^4, 10^8, 10^12), as in 2만8천500 or 3천500억.
_SMALL_UNITS = {"천": Decimal(1000), "백": Decimal(100)}
_BIG_UNITS = {"만": Decimal(10) ** 4, "억": Decimal(10) ** 8, "조": Decimal(10) ** 12}
_GROUP = re.compile(r"(?<![\d.,])(\d+(?:,\d{3})*(?:\.\d+)?)\s?([천백])?\s?([만억조])?")
# Dates and their parts are not figures: a year (2026, 2026년, the years of 2026~2030), a month with or
# without its day (6월, 6월 4일), a dotted date (2026. 6. 4.). A count of days (60일) stays a figure.
_KOREAN_DATE = re.compile(
    r"(?<![\d.,])(?:19|20)\d\d(?:\.\s?\d{1,2}\.\s?\d{1,2}\.?|(?![\d.,]\d)(?:\s?년)?)"
    r"|(?<![\d.,])\d{1,2}\s?월(?:\s?\d{1,2}\s?일)?"
    r"|(?<![\d.,])\d{1,2}\s?일?\s?[~\-–]\s?\d{1,2}\s?일|(?<![\d.,])\d{1,2}\s?일\s?(?:부터|까지)"
)

_ENGLISH_SCALES = {
    "thousand": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
}
# A number after a hyphen belongs to a name (F-35), except the end of a range of numbers (6-12 months).
_ENGLISH_NUMBER = re.compile(
    r"(?:(?<![\w.,\-])|(?<=\d-))(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s+(thousand|million|billion|trillion)\b)?"
)
QUOTATION = re.compile(r"“([^“”]+)”")
# “한국어”(“English”): the English original right after the translation, brackets ASCII or full-width.
_MARKED_TRANSLATION = re.compile(r"“([^“”]+)”\s?[(\uff08]\s?“([^“”]+)”\s?[)\uff09]")


def _value(digits: str) -> Decimal:
    return Decimal(digits.replace(",", ""))


def _groups(text: str) -> list[list[re.Match[str]]]:
    """Number groups (digits, then 천/백, then 만/억/조) joined into one number where a unit ends a group
    and the next group follows at once or after one space: 2만 8천500 is one number, 3 5 two."""
    numbers: list[list[re.Match[str]]] = []
    for match in _GROUP.finditer(text):
        previous = numbers[-1][-1] if numbers else None
        joined = (
            previous is not None
            and (previous.group(2) or previous.group(3))
            and text[previous.end() : match.start()] in ("", " ")
        )
        if joined:
            numbers[-1].append(match)
        elif not _part_of_a_name(text, match.start()):
            numbers.append([match])
    return numbers


def _part_of_a_name(text: str, start: int) -> bool:
    """Digits glued to a letter are a name's (News1, 뉴스1, F-35, FY2026), not a figure; 제5차 is an ordinal.
    A range's end is a figure, after a tilde (6~12개월) or a hyphen (6-12) alike."""
    before = text[start - 1] if start else " "
    if before == "-" and start >= 2 and text[start - 2].isdigit():
        return False  # the end of a range of numbers, 6-12, as the English reads it
    return (before.isascii() and (before.isalpha() or before == "-")) or ("가" <= before <= "힣" and before != "제")


def _number(groups: list[re.Match[str]]) -> Decimal:
    total = Decimal(0)
    group = Decimal(0)  # what has been read since the last 만, 억 or 조
    for match in groups:
        number, small, big = match.groups()
        group += _value(number) * (_SMALL_UNITS[small] if small else 1)
        if big:
            total += group * _BIG_UNITS[big]
            group = Decimal(0)
    return total + group


def korean_number(token: str) -> Decimal:
    """The value of one number as Korean copy writes it: 2만8천500 → 28500, 1조5192억 → 1519200000000."""
    numbers = _groups(token)
    if len(numbers) != 1 or "".join(m.group(0) for m in numbers[0]).replace(" ", "") != token.replace(" ", ""):
        raise ValueError(f"not one Korean number: {token!r}")
    return _number(numbers[0])


def korean_quantities(text: str) -> set[Decimal]:
    """Every figure in Korean text, by value; dates and their parts are not figures."""
    return {_number(groups) for groups in _groups(_KOREAN_DATE.sub(" ", text))}


def korean_unit_numbers(text: str) -> list[Decimal]:
    """Numbers written with a Korean unit (2만8500명, 3천500억, 1조5192억), by value, in text order; dates and
    plain digits (28,500, 3.5) left out: a reader types those as written."""
    values = []
    for groups in _groups(_KOREAN_DATE.sub(" ", text)):
        if any(match.group(2) or match.group(3) for match in groups):
            value = _number(groups)
            if value == value.to_integral_value():
                values.append(value.quantize(Decimal(1)))
    return values


def english_quantities(text: str) -> set[Decimal]:
    """Every figure in English text, by value, "1.5192 trillion" read as one value; dates are not figures."""
    text = ENGLISH_DATES.sub(" ", text)
    return {
        _value(number) * (_ENGLISH_SCALES[scale] if scale else 1) for number, scale in _ENGLISH_NUMBER.findall(text)
    }


_SPELLED = {
    word: Decimal(value)
    for value, words in enumerate(
        [
            "",
            "one|first|once|single",
            "two|second|twice|double",
            "three|third",
            "four|fourth",
            "five|fifth",
            "six|sixth",
            "seven|seventh",
            "eight|eighth",
            "nine|ninth",
            "ten|tenth",
            "eleven|eleventh",
            "twelve|twelfth",
        ]
    )
    for word in words.split("|")
    if word
}
_SPELLED_WORD = re.compile(r"\b(" + "|".join(sorted(_SPELLED, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def english_spelled_quantities(text: str) -> set[Decimal]:
    """Numbers English text spells out (five-year, the fifth meeting): a Korean twin may write them in digits."""
    return {_SPELLED[word.lower()] for word in _SPELLED_WORD.findall(text)}


_CARDINALS = {
    word: Decimal(value)
    for value, word in enumerate(
        ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
    if word
}
# "five-year", "nine months", "within two years": a hyphen or a space is a word boundary.
_CARDINAL_WORD = re.compile(r"\b(" + "|".join(sorted(_CARDINALS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def english_number_words(text: str) -> set[Decimal]:
    """The cardinal numbers one to twelve English spells out (a five-year term, within two years):
    what a Korean figure (5년, 2년) may stand for in an English source's excerpt."""
    return {_CARDINALS[word.lower()] for word in _CARDINAL_WORD.findall(text)}


_ORDINAL_WORDS = {
    word: Decimal(value)
    for value, word in enumerate(
        [
            "",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
        ]
    )
    if word
}
_ENGLISH_ORDINAL = re.compile(
    r"\b(" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + r")\b|(?<![\w.,\-])(\d+)(?:st|nd|rd|th)\b",
    re.IGNORECASE,
)
# The Korean ordinal forms of names and terms: 제1도련선, 제9차 당대회, 트럼프 2기 (not 3차례, three times).
_KOREAN_ORDINAL = re.compile(r"제\s?(\d+)(?:\s?[차기])?|(?<![\d.,])(\d+)\s?(?:차(?!례)|기)")


def english_ordinals(text: str) -> set[Decimal]:
    """The ordinals English text writes (the First Island Chain, the second Trump administration, 9th)."""
    return {
        _ORDINAL_WORDS[word.lower()] if word else Decimal(digits) for word, digits in _ENGLISH_ORDINAL.findall(text)
    }


def without_ordinals(text: str, ordinals: Collection[Decimal]) -> str:
    """Korean text with each ordinal form (제N, N차, N기) of a value in `ordinals` left out: an ordinal of a
    name or term (제1도련선 for the First Island Chain) is no figure when the English twin writes it as an
    ordinal. Any other number, and an ordinal form of another value (패트리엇 포대 2기 where the English
    says "two batteries"), stays a figure."""

    def replace(match: re.Match[str]) -> str:
        value = Decimal(match.group(1) or match.group(2))
        return " " if value in ordinals else match.group(0)

    return _KOREAN_ORDINAL.sub(replace, text) if ordinals else text


class Translation(NamedTuple):
    korean: str
    english: str


def marked_translations(text: str) -> list[Translation]:
    """The editors' translations of English quotations, each with its English original beside it."""
    return [Translation(korean, english) for korean, english in _MARKED_TRANSLATION.findall(text)]


def unmarked_quotations(text: str) -> list[str]:
    """Quotations that are not a marked translation (nor the English original of one): a Korean source's words."""
    unmarked = _MARKED_TRANSLATION.sub(" ", text)
    return QUOTATION.findall(unmarked)


def _after_digit(text: str, start: int) -> bool:
    """A Hangul word glued to a number (the 년 of 2028년, the 명 of 2만8500명) is the number's unit."""
    return start > 0 and text[start - 1].isdigit()


def search_keywords(
    text: str, variants: dict[str, list[str]] | None = None, shortest_word: int = 4, join_words: bool = True
) -> list[str]:
    """Hidden search terms for Korean text, which Material's search does not segment.

    Lunr matches a query as a word prefix, so 작전통제권 is not found inside 전시작전통제권 and 전작권전환 not
    in "전작권 전환". Added: the suffixes (two syllables or more) of each Hangul word of `shortest_word`
    syllables or more, each pair of Hangul words with only spaces between them joined (unless `join_words`
    is false), and the editors' variants of terms the
    text contains (전시작전통제권 → 전작권, …). Sorted, without duplicates, never a word already in the text.
    """
    matches = list(HANGUL_WORD.finditer(text))
    words = [match.group(0) for match in matches]
    present = set(words)
    found: set[str] = set()
    for word in words:
        if len(word) >= shortest_word:
            found.update(word[start:] for start in range(1, len(word) - 1))
    # Joined only when nothing but spaces stands between them (not across a number, a bracket or a comma),
    # and never a number's unit (년, 명) to the next word.
    if join_words:
        found.update(
            first.group(0) + second.group(0)
            for first, second in itertools.pairwise(matches)
            if not text[first.end() : second.start()].strip() and not _after_digit(text, first.start())
        )
    for term, term_variants in (variants or {}).items():
        if term in text:
            found.update(term_variants)
    return sorted(found - present)
