"""Arabic direction cues of a transfer: who sells and who buys, read from the verb.

The seller is the agent of a sale verb (`باعت فرنسا … إلى مصر`, `صفقة بيع … لقطر`) and the
buyer the agent of a purchase verb (`اشترت الهند`, `تعاقدت قطر على`, `تسلمت مصر`). The
recipient of a sale stands after `إلى` or with `لـ` on its name (`لقطر`, `للسعودية`).
"""

from __future__ import annotations

from extractor.arabic.lexicon import word_set

_SALE_NOUNS = ("بيع", "ببيع", "مبيعات", "تصدير", "صادرات", "تزويد", "تسليم")
_PURCHASE_NOUNS = ("شراء", "اقتناء", "امتلاك")
_GIVING = ("سلمت", "منحت", "زود", "زودت", "يزود")

SALE_VERBS = word_set(
    "باع", "باعت", "يبيع", "تبيع", "صدرت", "قدمت", *_SALE_NOUNS, *_GIVING,
)  # fmt: skip
"""Sale and supply verbs and nouns: their agent is the seller. Leaves out `تزود` and the
present `تسلم` (each reads either way), `صدر` (also 'was issued')."""

PURCHASE_VERBS = word_set(
    "اشترى", "اشترت", "يشتري", "تشتري", "حصل", "حصلت", "يحصل", "تحصل", "تعاقد", "تعاقدت",
    "طلب", "طلبت", "تسلمت", "استلم", "استلمت", "يستلم", "تستلم", "تشتريها", *_PURCHASE_NOUNS,
)  # fmt: skip
"""Purchase and receipt verbs and nouns: their agent is the buyer."""

RECIPIENT_WORDS = word_set("إلى", "لصالح", "لدى")
"""Words before the recipient of a sale (`بيع 72 طائرة إلى قطر`); `لـ` is read on the name."""

PARTNER_WORDS = word_set("مع", "بين")
"""Words before a party that the verb does not make its agent (`صفقة مع الولايات المتحدة`)."""

PLACE_WORDS = word_set("في")
"""The word before a place (`في وارسو`): a state named there is where something happens, never
the agent of a verb."""

SOURCE_WORDS = word_set("من")
"""The word before the seller of a purchase (`اشترت مصر من فرنسا`)."""

VERBAL_NOUNS = word_set(*_SALE_NOUNS, *_PURCHASE_NOUNS)
"""The cues that are nouns (masdars): their agent is a state's name (`أكدت قطر … لشراء`), never
a demonym, which describes someone else (`رئيس الوزراء العراقي بحث تسليم الطائرات`)."""

GIVING_VERBS = word_set(*_GIVING)
"""Supply verbs that take their recipient as a direct object (`منحت فرنسا لبنان مساعدة`): after
a subject (`فرنسا منحت لبنان`, `بلاده سلمت مصر`) the state right after the verb is the
recipient."""

SUBJECT_WORDS = word_set(
    "بلاده", "بلادها", "بلادنا", "حكومته", "حكومتها", "حكومتنا", "أنها", "أنه",
)  # fmt: skip
"""Words that stand for a state as the subject of the verb after them (`بلاده سلمت مصر`, `أكدت
روسيا أنها سلمت الجزائر`: the pronoun after `أن` is the state named before it)."""

OBJECT_NOUNS = word_set("تزويد", "بتزويد", "لتزويد")
"""Supply nouns whose state right after them is what is supplied to, never the supplier
(`صفقة لتزويد تايوان بصواريخ هاربون`: Taiwan is the recipient)."""

DEAL_NOUNS = word_set("صفقة", "صفقات", "عقد", "عقود")
"""Nouns of a deal: a state marked as recipient after one is the buyer (`صفقة محتملة
للسعودية`, `بعقد … لمملكة البحرين`). Leaves out `اتفاق` (any agreement)."""

TRANSFER_WORDS = word_set(
    "شحنة", "شحنات", "طلبية", "طلبيات", "أرسلت", "أرسل", "ترسل", "يرسل", "إرسال", "إمداد",
    "إمدادات", "مساعدات", "تسلم", "يتسلم", "وصول", "وصلت", "استيراد", "واردات", "اتفاقية",
    "اتفاق", "موافقة", "وافقت", "وافق", "توافق", "يوافق", "ألغت", "إلغاء", "تبرم", "أبرمت",
    "إبرام", "توقيع", "وقعت", "حصول",
)  # fmt: skip
"""Words of a transfer besides the sale and purchase cues and deal nouns: shipments, orders,
aid, approvals, signing and cancellation. Leaves out `نشر` (a state deploys its own arms). With no
such word and no cue, weapons named in a sentence are merely mentioned (an embargo, a strike)."""
