// Text in other encodings: declared (BOM, HTML charset, Content-Type) or plainly Windows-1252.
import { describe, expect, it } from "vitest";
import { BadArticleError } from "../../functions/extraction/errors.ts";
import { readArticle } from "../../functions/extraction/reading/read-article.ts";
import { fixtureBytes, readFixture } from "./support.ts";

const EXPECTED_TITLE = "Bürgermeister vows to reopen Lindenstraße bridge";

describe("encodings", () => {
  for (const name of ["cp1252.txt", "utf16le.txt", "utf16be.txt"]) {
    it(`reads ${name}`, () => {
      const doc = readFixture(name);
      expect(doc.title).toBe(EXPECTED_TITLE);
      expect(doc.authors).toEqual(["Jürgen Weiß"]);
      expect(doc.text).toContain("“within weeks”");
      expect(doc.text).toContain("€2.4 million");
      expect(doc.text).toContain("café closures");
    });
  }

  it("reads UTF-8 with a byte-order mark", () => {
    const body = new TextEncoder().encode("Título de la noticia aquí\n\nEl gobierno aprobó la ley el lunes.\n");
    const doc = readArticle({ bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...body]), fileName: "a.txt" });
    expect(doc.title).toBe("Título de la noticia aquí");
  });

  it("reads UTF-16 without a byte-order mark", () => {
    const text = "Headline without a mark\n\nThe council met on Monday and agreed the plan.\n";
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i);
    expect(readArticle({ bytes, fileName: "a.txt" }).title).toBe("Headline without a mark");
  });

  it("honours <meta charset=iso-8859-1> when the bytes are not UTF-8", () => {
    const doc = readFixture("latin1.html");
    expect(doc.title).toBe("Café owners welcome new terrace rules");
    expect(doc.text).toContain("señor Alvarez");
    expect(doc.outlet).toBe("Ville Hebdo");
  });

  it("honours the Content-Type charset", () => {
    const bytes = fixtureBytes("cp1251.txt");
    const doc = readArticle({ bytes, fileName: "a.txt", contentType: "text/plain; charset=windows-1251" });
    expect(`${doc.title}\n${doc.text}`).toContain("Президент заявил");
    expect(doc.text).toContain("Министр подтвердил");
  });

  it("refuses text in an undeclared non-Western code page instead of producing mojibake", () => {
    expect(() => readArticle({ bytes: fixtureBytes("cp1251.txt"), fileName: "a.txt" })).toThrow(
      expect.objectContaining({ code: "UNDECODABLE" }),
    );
  });

  it("names an unknown declared charset", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("Some text "), 0xe9, 0x20, 0x61]);
    try {
      readArticle({ bytes, fileName: "a.txt", contentType: "text/plain; charset=x-made-up" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(BadArticleError);
      expect((err as BadArticleError).code).toBe("UNDECODABLE");
      expect((err as Error).message).toContain("x-made-up");
    }
  });
});
