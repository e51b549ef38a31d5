#include "extract/layout_json.h"

#include <cmath>

#include "common/json_parse.h"
#include "common/json_text.h"
#include "common/json_writer.h"
#include "common/unicode.h"
#include "common/version.h"
#include "schema/schema_validator.h"

namespace docpipe {
namespace {

// Layout JSON nests 10 levels deep (document, pages, page, tables, table,
// cells, cell, lines, line, bbox); anything deeper is not a layout.
constexpr int kMaxDepth = 16;

double Round2(double v) { return std::round(v * 100) / 100; }
double Round3(double v) { return std::round(v * 1000) / 1000; }

void RoundBBox(BBox* b) {
  b->x0 = Round2(b->x0);
  b->y0 = Round2(b->y0);
  b->x1 = Round2(b->x1);
  b->y1 = Round2(b->y1);
}

void RoundLine(TextLine* line) {
  RoundBBox(&line->bbox);
  line->size = Round2(line->size);
  if (line->confidence) line->confidence = Round3(*line->confidence);
}

nlohmann::ordered_json BBoxToJson(const BBox& b) {
  return nlohmann::ordered_json::array({Round2(b.x0), Round2(b.y0), Round2(b.x1), Round2(b.y1)});
}

const char* RoleName(LineRole role) {
  switch (role) {
    case LineRole::kHeader: return "header";
    case LineRole::kFooter: return "footer";
    case LineRole::kContent: break;
  }
  return "content";
}

nlohmann::ordered_json LineToJson(const TextLine& line, bool with_role) {
  nlohmann::ordered_json out;
  out["text"] = line.text;
  out["bbox"] = BBoxToJson(line.bbox);
  out["font"] = line.font;
  out["size"] = Round2(line.size);
  if (with_role) out["role"] = RoleName(line.role);
  if (line.confidence) out["confidence"] = Round3(*line.confidence);
  if (!line.low_confidence_words.empty()) out["low_confidence_words"] = line.low_confidence_words;
  return out;
}

const char* RulingName(TableRuling ruling) {
  switch (ruling) {
    case TableRuling::kPartial: return "partial";
    case TableRuling::kNone: return "none";
    case TableRuling::kFull: break;
  }
  return "full";
}

nlohmann::ordered_json TableToJson(const Table& table) {
  nlohmann::ordered_json out;
  out["id"] = table.id;
  out["bbox"] = BBoxToJson(table.bbox);
  out["rows"] = table.rows;
  out["cols"] = table.cols;
  out["ruling"] = RulingName(table.ruling);
  out["header_rows"] = table.header_rows;
  out["continued_from_previous_page"] = table.continued_from_previous_page;
  out["repeated_header"] = table.repeated_header;
  out["first_row_continued"] = table.first_row_continued;
  out["continues_on_next_page"] = table.continues_on_next_page;
  out["cells"] = nlohmann::ordered_json::array();
  for (const Cell& cell : table.cells) {
    nlohmann::ordered_json c;
    c["row"] = cell.row;
    c["col"] = cell.col;
    c["row_span"] = cell.row_span;
    c["col_span"] = cell.col_span;
    c["bbox"] = BBoxToJson(cell.bbox);
    c["text"] = cell.text;
    // Written only when set, so that layouts without such a cell read as before.
    if (cell.continued_from_previous_page) c["continued_from_previous_page"] = true;
    c["lines"] = nlohmann::ordered_json::array();
    for (const TextLine& line : cell.lines) c["lines"].push_back(LineToJson(line, false));
    out["cells"].push_back(std::move(c));
  }
  return out;
}


BBox BBoxFromJson(const nlohmann::json& j) { return {j[0].get<double>(), j[1].get<double>(), j[2].get<double>(), j[3].get<double>()}; }

TextLine LineFromJson(const nlohmann::json& j) {
  TextLine line;
  line.text = j["text"].get<std::string>();
  line.bbox = BBoxFromJson(j["bbox"]);
  line.font = j["font"].get<std::string>();
  line.size = j["size"].get<double>();
  std::string role = j.value("role", "content");
  line.role = role == "header" ? LineRole::kHeader : role == "footer" ? LineRole::kFooter : LineRole::kContent;
  if (j.contains("confidence")) line.confidence = j["confidence"].get<double>();
  if (j.contains("low_confidence_words")) {
    line.low_confidence_words = j["low_confidence_words"].get<std::vector<std::string>>();
  }
  return line;
}

// Checks the schema cannot express; the document already passed the schema.
Status CheckTable(const Table& table, int page) {
  std::string where = "page " + std::to_string(page) + ", table " + std::to_string(table.id);
  if (table.header_rows > table.rows) return Status::BadInput(where + ": more header rows than rows");
  std::vector<bool> taken(static_cast<size_t>(table.rows) * static_cast<size_t>(table.cols), false);
  if (taken.size() > 10'000'000) return Status::BadInput(where + ": grid too large");
  for (const Cell& cell : table.cells) {
    if (cell.row + cell.row_span > table.rows || cell.col + cell.col_span > table.cols) {
      return Status::BadInput(where + ": cell at row " + std::to_string(cell.row) + ", column " +
                              std::to_string(cell.col) + " extends outside the table's grid");
    }
    for (int r = cell.row; r < cell.row + cell.row_span; ++r) {
      for (int c = cell.col; c < cell.col + cell.col_span; ++c) {
        size_t slot = static_cast<size_t>(r) * static_cast<size_t>(table.cols) + static_cast<size_t>(c);
        if (taken[slot]) {
          return Status::BadInput(where + ": two cells cover row " + std::to_string(r) + ", column " +
                                  std::to_string(c));
        }
        taken[slot] = true;
      }
    }
  }
  return Status::Ok();
}

}  // namespace

void RoundToJsonPrecision(Page* page) {
  page->width = Round2(page->width);
  page->height = Round2(page->height);
  for (TextLine& line : page->lines) RoundLine(&line);
  for (Table& table : page->tables) {
    RoundBBox(&table.bbox);
    for (Cell& cell : table.cells) {
      RoundBBox(&cell.bbox);
      for (TextLine& line : cell.lines) RoundLine(&line);
    }
  }
}

void RoundToJsonPrecision(Layout* layout) {
  for (Page& page : layout->pages) RoundToJsonPrecision(&page);
}

namespace {

nlohmann::ordered_json LayoutHeadToJson(const Layout& layout) {
  nlohmann::ordered_json out;
  out["document_type"] = "layout";
  out["schema_version"] = kSchemaVersion;
  out["source"] = {{"path", layout.source_path},
                   {"sha256", layout.source_sha256},
                   {"format", "pdf"},
                   {"pages", layout.page_count}};
  out["producer"] = std::string("docpipe ") + kVersion;
  return out;
}

nlohmann::ordered_json PageToJson(const Page& page) {
  nlohmann::ordered_json p;
  p["number"] = page.number;
  p["width"] = Round2(page.width);
  p["height"] = Round2(page.height);
  p["failed"] = page.failed;
  p["warnings"] = page.warnings;
  p["removed_duplicate_glyphs"] = page.removed_duplicate_glyphs;
  p["source"] = page.source == PageSource::kOcr ? "ocr" : "text";
  if (page.ocr) {
    p["ocr"] = {{"engine", page.ocr->engine},
                {"language_data", page.ocr->language_data},
                {"dpi", page.ocr->dpi},
                {"skew_degrees", page.ocr->skew_degrees},
                {"low_confidence_words", page.ocr->low_confidence_words}};
  }
  p["lines"] = nlohmann::ordered_json::array();
  for (const TextLine& line : page.lines) p["lines"].push_back(LineToJson(line, true));
  p["tables"] = nlohmann::ordered_json::array();
  for (const Table& table : page.tables) p["tables"].push_back(TableToJson(table));
  return p;
}

}  // namespace

nlohmann::ordered_json LayoutToJson(const Layout& layout) {
  nlohmann::ordered_json out = LayoutHeadToJson(layout);
  out["pages"] = nlohmann::ordered_json::array();
  for (const Page& page : layout.pages) out["pages"].push_back(PageToJson(page));
  return out;
}

std::string LayoutJsonHead(const Layout& layout, bool compact) {
  // The head without "pages" ends in "\n}\n" (pretty) or "}\n" (compact):
  // "pages" goes where its closing brace was, one page at a time.
  std::string out = JsonText(LayoutHeadToJson(layout), compact);
  out.resize(out.size() - (compact ? 2 : 3));
  out += compact ? ",\"pages\":[" : ",\n  \"pages\": [";
  return out;
}

namespace {

// PageToJson's members and order, written as text without the tree (the
// tree's nodes, one allocation each, cost several times the text). The
// test LayoutJson.PagesWrittenDirectlyAreTheTextOfTheirJsonTree holds the
// two to the same bytes.
void WriteBBox(const BBox& b, JsonWriter* w) {
  w->BeginArray();
  w->Double(Round2(b.x0));
  w->Double(Round2(b.y0));
  w->Double(Round2(b.x1));
  w->Double(Round2(b.y1));
  w->EndArray();
}

void WriteLine(const TextLine& line, bool with_role, JsonWriter* w) {
  w->BeginObject();
  w->Key("text");
  w->String(line.text);
  w->Key("bbox");
  WriteBBox(line.bbox, w);
  w->Key("font");
  w->String(line.font);
  w->Key("size");
  w->Double(Round2(line.size));
  if (with_role) {
    w->Key("role");
    w->String(RoleName(line.role));
  }
  if (line.confidence) {
    w->Key("confidence");
    w->Double(Round3(*line.confidence));
  }
  if (!line.low_confidence_words.empty()) {
    w->Key("low_confidence_words");
    w->StringArray(line.low_confidence_words);
  }
  w->EndObject();
}

void WriteTable(const Table& table, JsonWriter* w) {
  w->BeginObject();
  w->Key("id");
  w->Int(table.id);
  w->Key("bbox");
  WriteBBox(table.bbox, w);
  w->Key("rows");
  w->Int(table.rows);
  w->Key("cols");
  w->Int(table.cols);
  w->Key("ruling");
  w->String(RulingName(table.ruling));
  w->Key("header_rows");
  w->Int(table.header_rows);
  w->Key("continued_from_previous_page");
  w->Bool(table.continued_from_previous_page);
  w->Key("repeated_header");
  w->Bool(table.repeated_header);
  w->Key("first_row_continued");
  w->Bool(table.first_row_continued);
  w->Key("continues_on_next_page");
  w->Bool(table.continues_on_next_page);
  w->Key("cells");
  w->BeginArray();
  for (const Cell& cell : table.cells) {
    w->BeginObject();
    w->Key("row");
    w->Int(cell.row);
    w->Key("col");
    w->Int(cell.col);
    w->Key("row_span");
    w->Int(cell.row_span);
    w->Key("col_span");
    w->Int(cell.col_span);
    w->Key("bbox");
    WriteBBox(cell.bbox, w);
    w->Key("text");
    w->String(cell.text);
    if (cell.continued_from_previous_page) {
      w->Key("continued_from_previous_page");
      w->Bool(true);
    }
    w->Key("lines");
    w->BeginArray();
    for (const TextLine& line : cell.lines) WriteLine(line, false, w);
    w->EndArray();
    w->EndObject();
  }
  w->EndArray();
  w->EndObject();
}

void WritePage(const Page& page, JsonWriter* w) {
  w->BeginObject();
  w->Key("number");
  w->Int(page.number);
  w->Key("width");
  w->Double(Round2(page.width));
  w->Key("height");
  w->Double(Round2(page.height));
  w->Key("failed");
  w->Bool(page.failed);
  w->Key("warnings");
  w->StringArray(page.warnings);
  w->Key("removed_duplicate_glyphs");
  w->Int(page.removed_duplicate_glyphs);
  w->Key("source");
  w->String(page.source == PageSource::kOcr ? "ocr" : "text");
  if (page.ocr) {
    w->Key("ocr");
    w->BeginObject();
    w->Key("engine");
    w->String(page.ocr->engine);
    w->Key("language_data");
    w->String(page.ocr->language_data);
    w->Key("dpi");
    w->Double(page.ocr->dpi);
    w->Key("skew_degrees");
    w->Double(page.ocr->skew_degrees);
    w->Key("low_confidence_words");
    w->Int(page.ocr->low_confidence_words);
    w->EndObject();
  }
  w->Key("lines");
  w->BeginArray();
  for (const TextLine& line : page.lines) WriteLine(line, true, w);
  w->EndArray();
  w->Key("tables");
  w->BeginArray();
  for (const Table& table : page.tables) WriteTable(table, w);
  w->EndArray();
  w->EndObject();
}

}  // namespace

void AppendLayoutJsonPage(const Page& page, bool first, bool compact, std::string* out) {
  if (!first) out->push_back(',');
  if (!compact) *out += "\n    ";
  JsonWriter writer(compact, 2, out);
  WritePage(page, &writer);
}

std::string LayoutJsonTail(bool any_pages, bool compact) {
  std::string out = !compact && any_pages ? "\n  " : "";
  out += compact ? "]}\n" : "]\n}\n";
  return out;
}

std::string LayoutJsonText(const Layout& layout, bool compact) {
  std::string out = LayoutJsonHead(layout, compact);
  bool first = true;
  for (const Page& page : layout.pages) {
    AppendLayoutJsonPage(page, first, compact, &out);
    first = false;
  }
  out += LayoutJsonTail(!layout.pages.empty(), compact);
  return out;
}

Result<Layout> ParseLayoutJson(std::string_view text) {
  if (text.size() > kMaxLayoutJsonBytes) {
    return Status::BadInput("layout JSON larger than " + std::to_string(kMaxLayoutJsonBytes >> 20) + " MB");
  }
  if (auto bad = unicode::FindInvalidUtf8(text)) {
    return Status::BadInput("layout JSON is not UTF-8 (invalid byte at offset " + std::to_string(*bad) + ")");
  }
  Result<nlohmann::json> parsed = ParseUntrustedJson(text, kMaxDepth);
  if (!parsed.ok()) return Status::BadInput("layout " + parsed.status().message());
  const nlohmann::json& doc = *parsed;
  if (Status s = ValidateDocument(doc, SchemaKind::kLayout); !s.ok()) return s;

  Layout layout;
  const nlohmann::json& source = doc["source"];
  layout.source_path = source["path"].get<std::string>();
  layout.source_sha256 = source["sha256"].get<std::string>();
  layout.page_count = source["pages"].get<int>();
  int previous_page = 0;
  for (const nlohmann::json& p : doc["pages"]) {
    Page page;
    page.number = p["number"].get<int>();
    if (page.number <= previous_page || page.number > layout.page_count) {
      return Status::BadInput("page " + std::to_string(page.number) +
                              " is out of order or beyond the document's page count");
    }
    previous_page = page.number;
    page.width = p["width"].get<double>();
    page.height = p["height"].get<double>();
    page.failed = p["failed"].get<bool>();
    page.warnings = p["warnings"].get<std::vector<std::string>>();
    page.removed_duplicate_glyphs = p["removed_duplicate_glyphs"].get<int>();
    page.source = p.value("source", "text") == "ocr" ? PageSource::kOcr : PageSource::kText;
    if (p.contains("ocr")) {
      const nlohmann::json& o = p["ocr"];
      page.ocr = OcrInfo{o["engine"].get<std::string>(), o["language_data"].get<std::string>(),
                         o["dpi"].get<double>(), o["skew_degrees"].get<double>(),
                         o["low_confidence_words"].get<int>()};
    }
    for (const nlohmann::json& l : p["lines"]) page.lines.push_back(LineFromJson(l));
    for (const nlohmann::json& t : p["tables"]) {
      Table table;
      table.id = t["id"].get<int>();
      table.bbox = BBoxFromJson(t["bbox"]);
      table.rows = t["rows"].get<int>();
      table.cols = t["cols"].get<int>();
      table.header_rows = t["header_rows"].get<int>();
      std::string ruling = t.value("ruling", "full");
      table.ruling = ruling == "partial" ? TableRuling::kPartial
                     : ruling == "none"  ? TableRuling::kNone
                                         : TableRuling::kFull;
      table.continued_from_previous_page = t["continued_from_previous_page"].get<bool>();
      table.repeated_header = t["repeated_header"].get<bool>();
      table.first_row_continued = t["first_row_continued"].get<bool>();
      table.continues_on_next_page = t["continues_on_next_page"].get<bool>();
      for (const nlohmann::json& c : t["cells"]) {
        Cell cell;
        cell.row = c["row"].get<int>();
        cell.col = c["col"].get<int>();
        cell.row_span = c["row_span"].get<int>();
        cell.col_span = c["col_span"].get<int>();
        cell.bbox = BBoxFromJson(c["bbox"]);
        cell.text = c["text"].get<std::string>();
        cell.continued_from_previous_page = c.value("continued_from_previous_page", false);
        for (const nlohmann::json& l : c["lines"]) cell.lines.push_back(LineFromJson(l));
        table.cells.push_back(std::move(cell));
      }
      if (Status s = CheckTable(table, page.number); !s.ok()) return s;
      page.tables.push_back(std::move(table));
    }
    layout.pages.push_back(std::move(page));
  }
  return layout;
}

}  // namespace docpipe
