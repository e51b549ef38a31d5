# Usage: cmake -DIN=file -DOUT=file.cc -DNAME=symbol -P embed.cmake
# Writes the bytes of IN as a NUL-terminated char array (hex, so any content
# is safe, including raw-string delimiters).
file(READ "${IN}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," body "${hex}")
file(WRITE "${OUT}" "// Generated from ${IN}; do not edit.\nnamespace docpipe::embedded {\nextern const char ${NAME}[] = {${body}'\\0'};\n}\n")
