// # OutputFormats: the one place where results become bytes
//
// Every file format KeldyshKit writes has one writer here: JSON (`JSONValue`, one string
// escaper for every control character, layouts fixed so the same result always gives the
// same bytes), CSV fields, SVG (phase diagrams, line plots), and the files themselves
// (output folders staged under a temporary name and renamed at the end, atomic files,
// buffered streams, a progress bar on standard error).
//
// Imports: the C library only. Every other target may import it; it imports none of them,
// so a format is written the same way whichever layer writes it.
