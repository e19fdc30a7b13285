import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readableSentences } from "../../src/core/answer/readable-text.js";
import { loadDocx } from "../../src/ingest/loaders/load-docx.js";
import { loadHtml } from "../../src/ingest/loaders/load-html.js";
import { loadSource } from "../../src/ingest/load-source.js";

const textOf = (html: string) => loadHtml(html).blocks.map((b) => b.text).join("\n\n");

/** A Word file with one paragraph and one table (the way Word writes tables: paragraphs inside cells). */
async function wordFileWithTable(rows: string[][]): Promise<Buffer> {
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const cell = (text: string) => `<w:tc><w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:tc>`;
  const table = `<w:tbl>${rows.map((row) => `<w:tr>${row.map(cell).join("")}</w:tr>`).join("")}</w:tbl>`;
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file("word/document.xml", `<?xml version="1.0"?><w:document ${ns}><w:body><w:p><w:r><w:t>Rooster van de voedselbank.</w:t></w:r></w:p>${table}</w:body></w:document>`);
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("tables, definition lists and page furniture in web pages and Word files", () => {
  it("given a table with a header row, then each row is a line of its own with its cells kept apart", () => {
    const text = textOf("<body><h1>Uitgifte</h1><table><thead><tr><th>Dag</th><th>Tijd</th><th>Plek</th></tr></thead><tbody><tr><td>Dinsdag</td><td>14.00 uur</td><td>De Wilg</td></tr><tr><td>Vrijdag</td><td>10.00 uur</td><td></td></tr></tbody></table></body>");
    expect(text).toContain("**Dag** | **Tijd** | **Plek**\n\nDinsdag | 14.00 uur | De Wilg\n\nVrijdag | 10.00 uur");
    expect(text).not.toMatch(/DinsdagTijd|Dinsdag14/);
  });

  it("given a table with header cells, then a row read as a sentence says which column each cell is", () => {
    const text = textOf("<body><table><tr><th>Dag</th><th>Tijd</th><th>Plek</th></tr><tr><td>Dinsdag</td><td>14.00 uur</td><td>De Wilg</td></tr></table></body>");
    expect(readableSentences(text)).toEqual(["Dag: Dinsdag; Tijd: 14.00 uur; Plek: De Wilg."]);
  });

  it("given a table without a header row, then its cells are kept apart", () => {
    expect(textOf("<body><table><tr><td>Kas</td><td>€ 1.200</td></tr><tr><td>Subsidie</td><td>€ 5.000</td></tr></table></body>")).toBe("Kas | € 1.200\n\nSubsidie | € 5.000");
  });

  it("given a Word file with a table, then the cells are not glued together", async () => {
    const doc = await loadDocx(await wordFileWithTable([["Maandag", "Bram"], ["Woensdag", "Fatima"]]));
    const text = doc.blocks.map((b) => b.text).join("\n");
    expect(text).toContain("Maandag | Bram");
    expect(text).toContain("Woensdag | Fatima");
  });

  it("given a definition list, then each term stands before its description", () => {
    expect(textOf("<body><dl><dt>Adres</dt><dd>Kerkstraat 1, Lopik</dd><dt>Open</dt><dd>Elke zaterdag</dd></dl></body>")).toBe("Adres: Kerkstraat 1, Lopik\n\nOpen: Elke zaterdag");
  });

  it("given a page with a cookie notice, breadcrumbs, share buttons, a menu and ARIA navigation, then only the content is read", () => {
    const text = textOf(`<body>
      <div id="cookie-consent"><p>Wij gebruiken cookies.</p><button>Akkoord</button></div>
      <div role="navigation"><a href="/">Home</a> <a href="/over">Over ons</a></div>
      <ol class="breadcrumb"><li>Home</li><li>Projecten</li></ol>
      <div class="mobile-menu"><a href="/">Sluit menu</a></div>
      <div class="content"><h1>Repaircafé</h1><p>Elke maand repareren vrijwilligers spullen van buren.</p></div>
      <ul class="social-share"><li><a href="#">Deel op Facebook</a></li></ul>
    </body>`);
    expect(text).toContain("Elke maand repareren vrijwilligers spullen van buren.");
    expect(text).not.toMatch(/cookies|Akkoord|Over ons|Projecten|Sluit menu|Facebook/);
  });

  it("given words like 'menukaart' or a section about social media in the text, then they are content, not furniture", () => {
    const text = textOf('<body><div class="menukaart"><p>Soep van de dag.</p></div><section id="social-media-beleid"><p>We posten twee keer per week.</p></section></body>');
    expect(text).toContain("Soep van de dag.");
    expect(text).toContain("We posten twee keer per week.");
  });

  it("given soft hyphens in a web page (&shy; inside long compounds), then the stored text holds whole words", async () => {
    const doc = await loadSource("pagina.html", Buffer.from("<html><head><title>Dorps&shy;huis</title></head><body><h1>Vrij&shy;willigers</h1><p>De vrij&shy;willigers&#8203; van het dorps&shy;huis.</p></body></html>"));
    expect(doc.title).toBe("Dorpshuis");
    expect(doc.blocks[0]!.heading).toBe("Vrijwilligers");
    expect(doc.blocks[0]!.text).toContain("De vrijwilligers van het dorpshuis.");
  });

  it("given typographic ligatures (as PDFs give them), then the stored text has plain letters", async () => {
    const doc = await loadSource("notitie.txt", Buffer.from("De ﬁnanciering van de ﬂyers kwam uit het buurtbudget."));
    expect(doc.blocks.map((b) => b.text).join(" ")).toContain("De financiering van de flyers kwam uit het buurtbudget.");
  });

  it("given an FAQ page whose answers are hidden until a question (a button) is pressed, then every question and answer is read", () => {
    const doc = loadHtml('<body><main><h1>Veelgestelde vragen</h1><h3><button aria-expanded="false">Wie betaalt het onderhoud?</button></h3><div hidden><p>De gemeente, eens per jaar.</p></div><h3><button>Hoe word ik lid?</button></h3><div aria-hidden="true"><p>Vul het formulier in.</p></div></main></body>');
    expect(doc.blocks.map((b) => [b.heading, b.text.split("\n").at(-1)])).toEqual([
      ["Veelgestelde vragen", "# Veelgestelde vragen"],
      ["Wie betaalt het onderhoud?", "De gemeente, eens per jaar."],
      ["Hoe word ik lid?", "Vul het formulier in."],
    ]);
  });

  it("given a page laid out in a table (headings inside a cell), then its headings and paragraphs stay as they are", () => {
    const doc = loadHtml("<body><table><tr><td><h1>Energiecoöperatie De Zon</h1><p>Wij leggen panelen op daken.</p><h2>Hoe word ik lid?</h2><p>Vul het formulier in.</p></td></tr></table></body>");
    expect(doc.blocks.map((b) => b.heading)).toEqual(["Energiecoöperatie De Zon", "Hoe word ik lid?"]);
    expect(doc.blocks[1]!.text).toContain("Vul het formulier in.");
  });

  it("given a page whose author left a section unclosed (as real pages do), then its content is read and its head and doctype are not", () => {
    const page = `<!DOCTYPE html><html lang="nl"><head><title>Moestuin De Hof | Stichting Groen</title></head><body>
<header class="site-header"><nav><a href="/">Home</a></nav></header>
<main><article><section><h1>Moestuin De Hof</h1><p>Bewoners kweken samen groente.</p>
<section><h2>Hoe het begon</h2><p>In 2019 kregen we grond van de gemeente.</p></section>
</article></main><footer>© 2023 Stichting Groen · Privacy</footer></body></html>`;
    const doc = loadHtml(page);
    expect(doc.title).toBe("Moestuin De Hof | Stichting Groen");
    expect(doc.blocks.map((b) => b.heading)).toEqual(["Moestuin De Hof", "Hoe het begon"]);
    const text = doc.blocks.map((b) => b.text).join("\n");
    expect(text).toContain("In 2019 kregen we grond van de gemeente.");
    expect(text).not.toMatch(/DOCTYPE|Stichting Groen|Privacy|Home/);
  });

  it("given a page part its author left unclosed (a share bar, a site header), then what follows it is still read, not removed with it", () => {
    const shareBar = textOf('<body><main><h1>Moestuin</h1><div class="share">Deel dit<p>Bewoners kweken samen groente.</p><p>Iedereen mag meedoen.</p></main></body>');
    expect(shareBar).toContain("Bewoners kweken samen groente.\n\nIedereen mag meedoen.");
    const header = textOf('<body><header><a href="/">Home</a><main><h1>Moestuin</h1><p>Bewoners kweken samen groente.</p></main></body>');
    expect(header).toBe("# Moestuin\n\nBewoners kweken samen groente.");
  });

  it("given a furniture paragraph whose end tag HTML lets out (<p class=\"cookie-notice\"> closed by the next <p>), then it is still removed", () => {
    expect(textOf('<body><main><p class="cookie-notice">Wij gebruiken cookies.<p>Bewoners kweken samen groente.</main></body>')).toBe("Bewoners kweken samen groente.");
  });

  it("given a page without a main part whose script holds most of its text, then the script is not read", () => {
    const script = `window.state = ${JSON.stringify("gegevens ".repeat(500))};`;
    expect(textOf(`<body><script>${script}</script><h1>Moestuin</h1><p>Bewoners kweken samen groente.</p></body>`)).toBe("# Moestuin\n\nBewoners kweken samen groente.");
  });

  it("given numbered lists (as Word's numbering comes out of a .docx), then each item keeps its number, from the list's start", () => {
    expect(textOf('<body><p>De stappen:</p><ol><li>Zoek een ruimte.</li><li>Vraag vrijwilligers.</li></ol><p>Daarna:</p><ol start="3"><li>Open de deuren.</li></ol><ul><li>een losse tip</li></ul></body>'))
      .toBe("De stappen:\n\n1. Zoek een ruimte.\n\n2. Vraag vrijwilligers.\n\nDaarna:\n\n3. Open de deuren.\n\n- een losse tip");
  });

  it("given a list item's own value, then it and the items after it count from there, as a browser shows them", () => {
    expect(textOf('<body><ol start="2"><li>Bel de gemeente.</li><li value="7">Vraag een vergunning.</li><li>Huur de tenten.</li><li value="oops">Nodig de buren uit.</li></ol></body>'))
      .toBe("2. Bel de gemeente.\n\n7. Vraag een vergunning.\n\n8. Huur de tenten.\n\n9. Nodig de buren uit.");
  });

  it("given a reversed numbered list, then it counts down: from the number of its items, or from its start", () => {
    expect(textOf("<body><ol reversed><li>Brons</li><li>Zilver</li><li>Goud</li></ol></body>")).toBe("3. Brons\n\n2. Zilver\n\n1. Goud");
    expect(textOf('<body><ol reversed start="10"><li>Tien</li><li>Negen</li><li value="4">Vier</li><li>Drie</li></ol></body>')).toBe("10. Tien\n\n9. Negen\n\n4. Vier\n\n3. Drie");
  });

  it("given a page wrapped whole in a form (as ASP.NET pages are), then its content is read and a search form inside it is not", () => {
    const page = `<html><body><form id="form1" method="post"><div class="search"><form action="/zoek"><input name="q"><button>Zoeken</button></form></div>
<h1>Voedseltuin Oost</h1><p>Elke dinsdag oogsten vrijwilligers groente voor de voedselbank.</p></form></body></html>`;
    const text = textOf(page);
    expect(text).toContain("Elke dinsdag oogsten vrijwilligers groente voor de voedselbank.");
    expect(text).not.toContain("Zoeken");
  });

  it("given a food shed's lunch menu as a section, then it is content", () => {
    expect(textOf('<body><section class="lunch-menu"><p>Soep van de dag en een broodje.</p></section><ul class="main-menu"><li>Home</li></ul></body>')).toBe("Soep van de dag en een broodje.");
  });
});

describe("asides and headers of a web page", () => {
  it("given a tip box (aside) and the article's own header inside the article, then both are read; the site's sidebar and banner beside it are not", () => {
    const text = textOf(`<body>
      <header class="site"><a href="/">Stichting Buurtkracht</a> <span>Samen sterk in de wijk</span></header>
      <main><article>
        <header><h1>Klussendienst voor ouderen</h1><p>Vrijwilligers helpen met kleine klussen in huis.</p></header>
        <p>Een klus duurt meestal niet langer dan een uur.</p>
        <aside class="tip"><h3>Tip</h3><p>Vraag de gemeente om gereedschap te lenen uit het buurtdepot.</p></aside>
      </article></main>
      <aside><h3>Laatste nieuws</h3><p>Nieuwe website online.</p></aside>
      <footer>Copyright Buurtkracht</footer>
    </body>`);
    expect(text).toContain("Vrijwilligers helpen met kleine klussen in huis.");
    expect(text).toContain("Vraag de gemeente om gereedschap te lenen uit het buurtdepot.");
    expect(text).not.toMatch(/Samen sterk in de wijk|Laatste nieuws|Nieuwe website|Copyright/);
  });

  it("given a page without a main part, then a header and an aside at its top level are still the site's, not read", () => {
    const text = textOf(`<body><header><p>Welkom bij Buurtkracht</p></header><div><p>De klussendienst helpt ouderen.</p></div><aside><p>Volg ons op social media.</p></aside></body>`);
    expect(text).toContain("De klussendienst helpt ouderen.");
    expect(text).not.toMatch(/Welkom|Volg ons/);
  });
});
