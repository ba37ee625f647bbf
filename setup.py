"""Install the four top-level folders under one import name: nlp/ → partyfacts.nlp, scraper/ →
partyfacts.scraper, corpus/ → partyfacts.corpus, webapp/ → partyfacts.webapp (everything else is in
pyproject.toml). The folders stay where the design card puts them; every folder below (code or data) is found
per folder, so a new one needs no edit here."""
from setuptools import find_namespace_packages, setup

PARTS = ("nlp", "scraper", "corpus", "webapp")

package_dir = {f"partyfacts.{part}": part for part in PARTS}
packages = []
for part in PARTS:
    packages.append(f"partyfacts.{part}")
    packages += [f"partyfacts.{part}.{sub}" for sub in find_namespace_packages(part, exclude=["*__pycache__*"])]

setup(package_dir=package_dir, packages=packages)
