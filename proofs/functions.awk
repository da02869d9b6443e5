# Function definitions of C files in the style of src/: the signature starts at column 0, the
# body's braces are at column 0. Prints "LINES NAME" per definition (LINES: signature to closing
# brace, the weight used to deal functions out to proof jobs).
FNR == 1 { name = ""; body = "" }
/^[a-z_]/ && match($0, /[a-z_0-9]+\(/) { name = substr($0, RSTART, RLENGTH - 1); start = FNR }
/^[a-z_].*;[ \t]*$/ { name = "" }
/^\{/ && name != "" { body = name }
/^\}/ && body != "" { print FNR - start + 1, body; body = ""; name = "" }
