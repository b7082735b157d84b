"""``imsmanifest.xml`` for SCORM 1.2 and SCORM 2004 4th Edition.

One SCO for the whole program: the handbook is one site whose pages link to each other
(navigation, glossary, case and exercise libraries), the LMS records one completion
(every module page visited) and one score (the knowledge checks), and a SCORM 1.2 LMS
has no rule to roll several SCOs up into one. The launcher (``launch.html``) holds the
connection to the LMS for the whole visit while the handbook's pages change in its frame.
"""

from __future__ import annotations

from typing import Literal
from xml.sax.saxutils import escape, quoteattr

Version = Literal["1.2", "2004"]

_HEADS = {
    "1.2": (
        'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
        'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 '
        "imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 "
        'imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"'
    ),
    "2004": (
        'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" '
        'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" '
        'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" '
        'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" '
        'xmlns:imsss="http://www.imsglobal.org/xsd/imsss" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd '
        "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd "
        "http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd "
        "http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd "
        'http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"'
    ),
}
SCHEMA_VERSION = {"1.2": "1.2", "2004": "2004 4th Edition"}
LAUNCH = "launch.html"


def manifest_xml(version: Version, identifier: str, title: str, files: list[str]) -> bytes:
    """The manifest of one package: one organisation, one item, one SCO resource that
    lists ``files`` (paths inside the zip, ``/``-separated, the launcher among them).

    ``identifier`` must be an XML name-like token (letters, digits, ``-``, ``.``)."""
    scorm_type = "adlcp:scormtype" if version == "1.2" else "adlcp:scormType"
    listed = "\n".join(f"      <file href={quoteattr(path)}/>" for path in files)
    text = f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier={quoteattr(identifier)} version="1" {_HEADS[version]}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>{SCHEMA_VERSION[version]}</schemaversion>
  </metadata>
  <organizations default="program">
    <organization identifier="program">
      <title>{escape(title)}</title>
      <item identifier="handbook" identifierref="handbook-sco">
        <title>{escape(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="handbook-sco" type="webcontent" {scorm_type}="sco" href="{LAUNCH}">
{listed}
    </resource>
  </resources>
</manifest>
"""
    return text.encode("utf-8")
