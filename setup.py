"""Packaging for swagger_client: the Cyclos 4.11.5 /auth client (see README.md)."""

import re
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).resolve().parent
VERSION = re.search(r'__version__ = "([^"]+)"', (HERE / "swagger_client" / "version.py").read_text()).group(1)

REQUIRES = [
    "urllib3 >= 1.26, < 3",
    "certifi",
    "six >= 1.10",
    "python-dateutil >= 2.8",
]

setup(
    name="swagger_client",
    version=VERSION,
    description="Client for the authentication API (/auth) of Cyclos 4.11.5, drop-in for the swagger-codegen client",
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="Apache-2.0",
    keywords=["Cyclos", "REST", "authentication", "swagger"],
    python_requires=">=3.9",
    install_requires=REQUIRES,
    packages=find_packages(include=["swagger_client", "swagger_client.*"]),
    package_data={"swagger_client": ["py.typed", "api/*.pyi"]},
    include_package_data=False,
    zip_safe=False,
    classifiers=[
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3 :: Only",
        "Typing :: Typed",
        "Intended Audience :: Developers",
    ],
)
