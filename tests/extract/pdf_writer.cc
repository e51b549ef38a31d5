#include "tests/extract/pdf_writer.h"

#include <cstdio>

namespace docpipe::testing {
namespace {

constexpr double kPageHeight = 792;

std::string Num(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '(' || c == ')' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

}  // namespace

PdfPage& PdfPage::Text(double x, double y, double size, const std::string& text) {
  content_ += "BT /F1 " + Num(size) + " Tf " + Num(x) + " " + Num(kPageHeight - y) + " Td (" + Escape(text) +
              ") Tj ET\n";
  return *this;
}

PdfPage& PdfPage::MappedText(double x, double y, double size, const std::string& codes) {
  content_ += "BT /F2 " + Num(size) + " Tf " + Num(x) + " " + Num(kPageHeight - y) + " Td (" + Escape(codes) +
              ") Tj ET\n";
  return *this;
}

PdfPage& PdfPage::Line(double x0, double y0, double x1, double y1, double width) {
  content_ += Num(width) + " w " + Num(x0) + " " + Num(kPageHeight - y0) + " m " + Num(x1) + " " +
              Num(kPageHeight - y1) + " l S\n";
  return *this;
}

PdfPage& PdfPage::Raw(const std::string& operators) {
  content_ += operators;
  return *this;
}

void DrawGrid(PdfPage* page, const std::vector<double>& rows_y, const std::vector<double>& cols_x,
              const std::vector<GridSkip>& skip) {
  auto skipped = [&](bool vertical, int rule, int cell) {
    for (const GridSkip& s : skip) {
      if (s.vertical == vertical && s.rule == rule && s.cell == cell) return true;
    }
    return false;
  };
  for (size_t r = 0; r < rows_y.size(); ++r) {
    for (size_t c = 0; c + 1 < cols_x.size(); ++c) {
      if (!skipped(false, static_cast<int>(r), static_cast<int>(c))) {
        page->Line(cols_x[c], rows_y[r], cols_x[c + 1], rows_y[r]);
      }
    }
  }
  for (size_t c = 0; c < cols_x.size(); ++c) {
    for (size_t r = 0; r + 1 < rows_y.size(); ++r) {
      if (!skipped(true, static_cast<int>(c), static_cast<int>(r))) {
        page->Line(cols_x[c], rows_y[r], cols_x[c], rows_y[r + 1]);
      }
    }
  }
}

std::string BuildPdf(const std::vector<PdfPage>& pages) {
  // Objects: 1 catalog, 2 pages, 3 font, then per page: page, content; then
  // the mapped font and its ToUnicode map.
  std::vector<std::string> objects;
  const std::string mapped_font = std::to_string(4 + 2 * pages.size());
  const std::string to_unicode = std::to_string(5 + 2 * pages.size());
  std::string kids;
  for (size_t i = 0; i < pages.size(); ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (size_t i = 0; i < pages.size(); ++i) {
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 " + mapped_font + " 0 R >> >> "
                      "/Contents " + std::to_string(5 + 2 * i) + " 0 R >>");
    const std::string& content = pages[i].content();
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
  }
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 65 "
                    "/LastChar 68 /Widths [600 600 600 600] /ToUnicode " + to_unicode + " 0 R >>");
  const std::string cmap =
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Quartz def /CMapType 2 def\n"
      "1 begincodespacerange <00> <FF> endcodespacerange\n"
      "4 beginbfchar <41> <2F8F884CFA08> <42> <8B1D> <43> <00660066> <44> <2EA06C11> endbfchar\n"
      "endcmap CMapName currentdict /CMap defineresource pop end end";
  objects.push_back("<< /Length " + std::to_string(cmap.size()) + " >>\nstream\n" + cmap + "\nendstream");
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace docpipe::testing
