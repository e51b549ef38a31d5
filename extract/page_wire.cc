#include "extract/page_wire.h"

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace docpipe {
namespace {

class Writer {
 public:
  template <typename T>
  void Raw(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    char buffer[sizeof(T)];
    std::memcpy(buffer, &value, sizeof(T));
    out_.append(buffer, sizeof(T));
  }
  void Int(int value) { Raw<int32_t>(value); }
  void Bool(bool value) { Raw<uint8_t>(value ? 1 : 0); }
  void Double(double value) { Raw<double>(value); }
  void Size(size_t value) { Raw<uint64_t>(value); }
  void String(const std::string& text) {
    Size(text.size());
    out_.append(text);
  }
  void Box(const BBox& b) {
    Double(b.x0);
    Double(b.y0);
    Double(b.x1);
    Double(b.y1);
  }
  void Strings(const std::vector<std::string>& list) {
    Size(list.size());
    for (const std::string& s : list) String(s);
  }
  void Line(const TextLine& line) {
    String(line.text);
    Box(line.bbox);
    String(line.font);
    Double(line.size);
    Int(static_cast<int>(line.role));
    Bool(line.confidence.has_value());
    if (line.confidence) Double(*line.confidence);
    Strings(line.low_confidence_words);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what Writer wrote; the first short read sets `ok_` false for good and
// every later read yields zero values, checked once at the end.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_ && in_.empty(); }

  template <typename T>
  T Raw() {
    T value{};
    if (!ok_ || in_.size() < sizeof(T)) {
      ok_ = false;
      return value;
    }
    std::memcpy(&value, in_.data(), sizeof(T));
    in_.remove_prefix(sizeof(T));
    return value;
  }
  int Int() { return Raw<int32_t>(); }
  bool Bool() { return Raw<uint8_t>() != 0; }
  double Double() { return Raw<double>(); }
  // An enumerator 0..last.
  int Enum(int last) {
    int value = Int();
    if (value < 0 || value > last) {
      ok_ = false;
      return 0;
    }
    return value;
  }
  // A count of items each at least `item_bytes` long: never more than fit.
  size_t Count(size_t item_bytes) {
    uint64_t n = Raw<uint64_t>();
    if (n > in_.size() / item_bytes) {
      ok_ = false;
      return 0;
    }
    return static_cast<size_t>(n);
  }
  std::string String() {
    size_t n = Count(1);
    std::string text(in_.substr(0, n));
    in_.remove_prefix(n);
    return text;
  }
  BBox Box() {
    BBox b;
    b.x0 = Double();
    b.y0 = Double();
    b.x1 = Double();
    b.y1 = Double();
    return b;
  }
  std::vector<std::string> Strings() {
    std::vector<std::string> list(Count(8));
    for (std::string& s : list) s = String();
    return list;
  }
  TextLine Line() {
    TextLine line;
    line.text = String();
    line.bbox = Box();
    line.font = String();
    line.size = Double();
    line.role = static_cast<LineRole>(Enum(static_cast<int>(LineRole::kFooter)));
    if (Bool()) line.confidence = Double();
    line.low_confidence_words = Strings();
    return line;
  }

 private:
  std::string_view in_;
  bool ok_ = true;
};

}  // namespace

std::string EncodePage(const Page& page) {
  Writer w;
  w.Int(page.number);
  w.Double(page.width);
  w.Double(page.height);
  w.Size(page.lines.size());
  for (const TextLine& line : page.lines) w.Line(line);
  w.Size(page.tables.size());
  for (const Table& table : page.tables) {
    w.Int(table.id);
    w.Box(table.bbox);
    w.Int(table.rows);
    w.Int(table.cols);
    w.Int(static_cast<int>(table.ruling));
    w.Int(table.header_rows);
    w.Bool(table.continued_from_previous_page);
    w.Bool(table.repeated_header);
    w.Bool(table.first_row_continued);
    w.Bool(table.continues_on_next_page);
    w.Size(table.cells.size());
    for (const Cell& cell : table.cells) {
      w.Int(cell.row);
      w.Int(cell.col);
      w.Int(cell.row_span);
      w.Int(cell.col_span);
      w.Box(cell.bbox);
      w.String(cell.text);
      w.Bool(cell.continued_from_previous_page);
      w.Size(cell.lines.size());
      for (const TextLine& line : cell.lines) w.Line(line);
    }
  }
  w.Strings(page.warnings);
  w.Bool(page.failed);
  w.Bool(page.over_limit);
  w.Int(page.removed_duplicate_glyphs);
  w.Int(static_cast<int>(page.source));
  w.Bool(page.ocr.has_value());
  if (page.ocr) {
    w.String(page.ocr->engine);
    w.String(page.ocr->language_data);
    w.Double(page.ocr->dpi);
    w.Double(page.ocr->skew_degrees);
    w.Int(page.ocr->low_confidence_words);
  }
  return w.Take();
}

Result<Page> DecodePage(std::string_view bytes) {
  // Smallest encodings, for the counts' plausibility checks.
  constexpr size_t kMinLine = 8 + 32 + 8 + 8 + 4 + 1 + 8;
  constexpr size_t kMinCell = 16 + 32 + 8 + 1 + 8;
  constexpr size_t kMinTable = 4 + 32 + 16 + 4 + 4 + 8;
  Reader r(bytes);
  Page page;
  page.number = r.Int();
  page.width = r.Double();
  page.height = r.Double();
  page.lines.resize(r.Count(kMinLine));
  for (TextLine& line : page.lines) line = r.Line();
  page.tables.resize(r.Count(kMinTable));
  for (Table& table : page.tables) {
    table.id = r.Int();
    table.bbox = r.Box();
    table.rows = r.Int();
    table.cols = r.Int();
    table.ruling = static_cast<TableRuling>(r.Enum(static_cast<int>(TableRuling::kNone)));
    table.header_rows = r.Int();
    table.continued_from_previous_page = r.Bool();
    table.repeated_header = r.Bool();
    table.first_row_continued = r.Bool();
    table.continues_on_next_page = r.Bool();
    table.cells.resize(r.Count(kMinCell));
    for (Cell& cell : table.cells) {
      cell.row = r.Int();
      cell.col = r.Int();
      cell.row_span = r.Int();
      cell.col_span = r.Int();
      cell.bbox = r.Box();
      cell.text = r.String();
      cell.continued_from_previous_page = r.Bool();
      cell.lines.resize(r.Count(kMinLine));
      for (TextLine& line : cell.lines) line = r.Line();
    }
  }
  page.warnings = r.Strings();
  page.failed = r.Bool();
  page.over_limit = r.Bool();
  page.removed_duplicate_glyphs = r.Int();
  page.source = static_cast<PageSource>(r.Enum(static_cast<int>(PageSource::kOcr)));
  if (r.Bool()) {
    OcrInfo info;
    info.engine = r.String();
    info.language_data = r.String();
    info.dpi = r.Double();
    info.skew_degrees = r.Double();
    info.low_confidence_words = r.Int();
    page.ocr = std::move(info);
  }
  if (!r.ok()) return Status::BadInput("page frame of " + std::to_string(bytes.size()) + " bytes is truncated or garbled");
  return page;
}

}  // namespace docpipe
