"""The translators' side: what is left to translate, and the files CAT tools read.

units.py      a meeting's translatable pieces (title, roles, agenda, remarks, …), with
              the current translation, its state and the context a translator needs
status.py     what is left to translate, per council and meeting, in remarks and characters
xliff.py      XLIFF 2.0 and 1.2 out; XLIFF in, read safely into targets per unit
importing.py  targets checked against the archive and turned into translation files
textfile.py   a translation file written anew, or changed in place keeping every other byte
tmx.py        the translation memory: every current translated pair, as TMX
tbx.py        the glossary: people, roles, topics and councils in both languages, as TBX
command.py    `gijiroku translate export|import|memory|glossary|status`
"""
