"""The slide deck: an editable ``.pptx`` (and a PDF of it) built from the same program.

``plan`` decides what goes on which slide and what the speaker notes say, as plain data;
``fit`` measures text so nothing overflows; ``master`` prepares the slide master (the
house style, or the program's own template); ``deck`` writes the file with python-pptx
and ``convert`` turns it into a PDF with LibreOffice when it is installed.

Nothing heavy is imported here: ``servefirst validate`` uses ``fit`` without python-pptx.
"""
