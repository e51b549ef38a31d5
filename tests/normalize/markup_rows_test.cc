// Markdown and HTML inputs read as TabRows (normalize/input/): pipe tables,
// HTML tables with spans, headings, and the sniffing that picks the reader.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalize/input/html_document.h"
#include "normalize/input/html_rows.h"
#include "normalize/input/markdown_rows.h"
#include "normalize/input/markup_input.h"
#include "pipeline/pipeline.h"
#include "normalize/repair/rule_set.h"
#include "normalize/standard/standard_parser.h"

namespace docpipe {
namespace {

using Cells = std::vector<std::string>;

std::vector<TabRow> NonBlank(const std::vector<TabRow>& rows) {
  std::vector<TabRow> out;
  for (const TabRow& row : rows) {
    if (!row.IsBlank()) out.push_back(row);
  }
  return out;
}

std::vector<TabRow> HtmlRows(const std::string& html) {
  Result<HtmlNode> root = ParseHtml(html, 0);
  EXPECT_TRUE(root.ok());
  return root.ok() ? NonBlank(HtmlToRows(*root)) : std::vector<TabRow>{};
}

TEST(MarkdownRows, PipeTableCellsUnescapePipesAndKeepBreaks) {
  std::vector<TabRow> rows = NonBlank(MarkdownToRows("| 代碼 | 名稱 |\n|---|:--:|\n| K01 \\| x | 稽核<br>測試<br/>技術 |\n"));
  ASSERT_EQ(rows.size(), 2u);  // the delimiter row is markup
  EXPECT_EQ(rows[0].cells, (Cells{"代碼", "名稱"}));
  EXPECT_EQ(rows[0].pos.line, 1);
  EXPECT_EQ(rows[1].cells, (Cells{"K01 | x", "稽核\n測試\n技術"}));
  EXPECT_EQ(rows[1].pos.line, 3);
}

TEST(MarkdownRows, BackslashEndingARowKeepsItsLastCell) {
  std::vector<TabRow> rows = NonBlank(MarkdownToRows("| a | b |\n|---|---|\n| x | C:\\\n"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].cells, (Cells{"x", "C:\\"}));
}

TEST(MarkdownRows, MissingCellsAreEmptyAndExtraCellsKept) {
  std::vector<TabRow> rows = NonBlank(MarkdownToRows("| a | b | c |\n|---|---|---|\n| 1 |\n| 5 | 2 | 3 | 4 |\n"));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].cells, (Cells{"1", "", ""}));
  EXPECT_EQ(rows[2].cells, (Cells{"5", "2", "3", "4"}));  // nothing dropped
}

TEST(MarkdownRows, RepeatedMergedCellsBecomeEmptyLikeTabText) {
  // Docling writes a merged cell's text in every position it covers.
  std::vector<TabRow> rows = NonBlank(MarkdownToRows(
      "| 職能基準代碼 | 職能基準代碼 | INM3513-001v4 | INM3513-001v4 |\n|---|---|---|---|\n"
      "| 所屬類別 | 職類別 | 資訊科技 | 資訊科技 |\n"
      "| 所屬類別 | 職業別 | 技術員 | 技術員 |\n"));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].cells, (Cells{"職能基準代碼", "", "INM3513-001v4", ""}));
  EXPECT_EQ(rows[1].cells, (Cells{"所屬類別", "職類別", "資訊科技", ""}));
  EXPECT_EQ(rows[2].cells, (Cells{"", "職業別", "技術員", ""}));
}

TEST(MarkdownRows, RepeatedValueAfterANewCellIsKept) {
  // Two tasks of the same duty, both of level 4: the duty is a merged cell,
  // the second 4 is a value of its own row.
  std::vector<TabRow> rows = NonBlank(MarkdownToRows(
      "| 主要職責 | 工作任務 | 級別 |\n|---|---|---|\n| T1規劃 | T1.1分析 | 4 |\n| T1規劃 | T1.2設計 | 4 |\n"));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[2].cells, (Cells{"", "T1.2設計", "4"}));
}

TEST(MarkdownRows, HtmlTableBlockKeepsItsInputLines) {
  std::vector<TabRow> rows = NonBlank(MarkdownToRows(
      "前言\n<table>\n<tr><td rowspan=\"2\">A</td><td>b</td></tr>\n<tr><td>c &amp; d</td></tr>\n</table>\n後記"));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].cells, (Cells{"前言"}));
  EXPECT_EQ(rows[1].cells, (Cells{"A", "b"}));
  EXPECT_EQ(rows[1].pos.line, 3);
  EXPECT_EQ(rows[2].cells, (Cells{"", "c & d"}));
  EXPECT_EQ(rows[2].pos.line, 4);
  EXPECT_EQ(rows[3].cells, (Cells{"後記"}));
  EXPECT_EQ(rows[3].pos.line, 6);
}

TEST(MarkdownRows, HeadingsCarryTheirLevel) {
  std::vector<TabRow> rows = NonBlank(MarkdownToRows("# 標題 #\n\n### 小節\n\n大標\n===\n\n中標\n---\n\n#不是標題\n"));
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].cells, (Cells{"標題"}));
  EXPECT_EQ(rows[0].heading_level, 1);
  EXPECT_EQ(rows[1].heading_level, 3);
  EXPECT_EQ(rows[2].cells, (Cells{"大標"}));
  EXPECT_EQ(rows[2].heading_level, 1);
  EXPECT_EQ(rows[3].heading_level, 2);
  EXPECT_EQ(rows[4].cells, (Cells{"#不是標題"}));
  EXPECT_EQ(rows[4].heading_level, 0);
}

TEST(MarkdownRows, MarkupLinesGiveNoTextAndEscapesAreUndone) {
  std::vector<TabRow> rows =
      NonBlank(MarkdownToRows("<!-- image -->\n```\n| not | a table |\n```\n\\# 1\\. 第一項 \n> 引言\n***\n"));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].cells, (Cells{"| not | a table |"}));  // fenced code kept as written
  EXPECT_EQ(rows[1].cells, (Cells{"# 1. 第一項 "}));          // trailing space (end mark) kept
  EXPECT_EQ(rows[2].cells, (Cells{"引言"}));
}

TEST(HtmlRows, SpansExpandLikeTabText) {
  std::vector<TabRow> rows = HtmlRows(
      "<table><thead><tr><th colspan=\"2\">職能基準名稱</th><th>職類</th></tr></thead>\n"
      "<tbody><tr><td rowspan=\"2\">所屬類別</td><td>職類別</td><td>A&lt;B&nbsp;C</td></tr>\n"
      "<tr><td>職業別</td><td>第一行<br>第二行</td></tr></tbody></table>");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].cells, (Cells{"職能基準名稱", "", "職類"}));
  EXPECT_EQ(rows[1].cells, (Cells{"所屬類別", "職類別", "A<B\xC2\xA0" "C"}));
  EXPECT_EQ(rows[2].cells, (Cells{"", "職業別", "第一行\n第二行"}));
  EXPECT_EQ(rows[1].pos.line, 2);
  EXPECT_EQ(rows[2].pos.line, 3);
}

TEST(HtmlRows, BlockTagsInsideACellAreLineBreaks) {
  std::vector<TabRow> rows = HtmlRows("<table><tr><td><p>P1.1.1 甲</p> <p>P1.1.2 乙</p></td></tr></table>");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].cells, (Cells{"P1.1.1 甲\n \nP1.1.2 乙"}));
}

TEST(HtmlRows, HostileSpansAreClamped) {
  std::string html = "<table><tr><td rowspan=\"99999999\" colspan=\"99999999\">x</td></tr>";
  for (int i = 0; i < 2000; ++i) html += "<tr><td colspan=\"999\">y</td></tr>";
  html += "</table>";
  std::vector<TabRow> rows = HtmlRows(html);
  ASSERT_EQ(rows.size(), 2001u);
  EXPECT_LE(rows[0].cells.size(), static_cast<size_t>(kMaxHtmlColumns) + 1);
  EXPECT_EQ(rows[0].cells[0], "x");
  EXPECT_EQ(rows[1].cells.back(), "y");  // pushed past the limit, still there
}

TEST(HtmlRows, DeepNestingKeepsItsText) {
  std::string html;
  for (int i = 0; i < kMaxHtmlDepth + 20; ++i) html += "<span>";
  html += "深處的字";
  bool too_deep = false;
  Result<HtmlNode> root = ParseHtml(html, 0, &too_deep);
  ASSERT_TRUE(root.ok());
  EXPECT_TRUE(too_deep);
  std::vector<TabRow> rows = NonBlank(HtmlToRows(*root));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].cells[0], "深處的字");
}

TEST(HtmlRows, NestingPastLibxml2sLimitFailsInsteadOfLosingTheRest) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "深</div><p>after</p>";
  Result<HtmlNode> root = ParseHtml(html, 0);
  ASSERT_FALSE(root.ok());
  EXPECT_NE(root.status().ToString().find("cannot be read to its end"), std::string::npos) << root.status().ToString();
}

TEST(HtmlRows, HeadingsParagraphsAndBreaksAreRows) {
  std::vector<TabRow> rows = HtmlRows(
      "<html><head><title>t</title><style>p{}</style></head><body>\n<h2>第一章 前言</h2>\n"
      "<p>第一行<br>第二行 </p>\n<script>x()</script></body></html>");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].cells, (Cells{"第一章 前言"}));
  EXPECT_EQ(rows[0].heading_level, 2);
  EXPECT_EQ(rows[0].pos.line, 2);
  EXPECT_EQ(rows[1].cells, (Cells{"第一行"}));
  EXPECT_EQ(rows[2].cells, (Cells{"第二行 "}));  // a paragraph's end mark kept
}

TEST(MarkupSniff, RecognisesByContentNotByName) {
  EXPECT_EQ(SniffFormat("| a | b |\n|---|---|\n| 1 | 2 |\n"), InputFormat::kMarkdown);
  EXPECT_EQ(SniffFormat("前言\n\n<table><tr><td>a</td></tr></table>\n"), InputFormat::kMarkdown);
  EXPECT_EQ(SniffFormat("# 標題\n\n內文。\n"), InputFormat::kMarkdown);
  EXPECT_EQ(SniffFormat("\xEF\xBB\xBF<!DOCTYPE html><html><body><p>x</p></body></html>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("<table><tr><td>x</td></tr></table>"), InputFormat::kHtml);
  // MinerU's Markdown opening with a table is Markdown: its headings count.
  EXPECT_EQ(SniffFormat("<table><tr><td>x</td></tr></table>\n\n# 標題\n"), InputFormat::kMarkdown);
  // TAB text stays text: a heading-like line next to TAB rows, a cell that
  // opens with a remnant <p>, a lone "|".
  EXPECT_EQ(SniffFormat("# 1\n代碼\tK01\n"), InputFormat::kText);
  EXPECT_EQ(SniffFormat("<p>說明</p>\t值\n"), InputFormat::kText);
  EXPECT_EQ(SniffFormat("A | B 兩者\n內文\n"), InputFormat::kText);
}

// Damaged-corpus finding (eu-018 with 5,000 bytes of junk before its
// header, the junk opening with '{'): extract read it, normalize refused it
// as "layout JSON is not UTF-8".
TEST(SniffFormat, APdfBehindJunkThatOpensWithABraceIsAPdf) {
  const std::string pdf_body =
      "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  const std::string junk = "{~`{>K\"8M$n6" + std::string(2000, 'x');
  EXPECT_EQ(SniffFormat(junk + "\n" + pdf_body), InputFormat::kPdf);
  EXPECT_EQ(SniffFormat(junk + "\r" + pdf_body), InputFormat::kPdf);
  // No header left, but binary bytes and objects: still a PDF.
  EXPECT_EQ(SniffFormat(junk + "\n1 0 obj\n<< /Length 3 >>\nstream\n\xFF\xFE\x01\nendstream\nendobj\n"),
            InputFormat::kPdf);
}

TEST(SniffFormat, ALayoutJsonThatQuotesPdfSyntaxStaysJson) {
  // Well-formed UTF-8 with "%PDF-", "1 0 obj" and "endobj" inside strings,
  // as a layout of a document about PDF files holds them.
  const std::string layout =
      "{\"pages\": [{\"lines\": [{\"text\": \"%PDF-1.7 starts the file; 1 0 obj << >> endobj\"},\n"
      "{\"text\": \"xref 0 1 trailer << >> startxref 9 %%EOF 檔案\"}]}]}\n";
  EXPECT_EQ(SniffFormat(layout), InputFormat::kLayoutJson);
  // Ill-formed UTF-8 without PDF syntax is JSON too (its reader says why not).
  EXPECT_EQ(SniffFormat("{\"pages\": [\"\xFF\"]}"), InputFormat::kLayoutJson);
}

TEST(MarkupInput, BadBytesAreRefusedWithTheReason) {
  Result<std::vector<TabRow>> empty = ParseMarkdownText("");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().ToString().find("empty"), std::string::npos);
  Result<std::vector<TabRow>> invalid = ParseHtmlText("<p>\xFF</p>");
  ASSERT_FALSE(invalid.ok());
  EXPECT_NE(invalid.status().ToString().find("UTF-8"), std::string::npos);
  EXPECT_FALSE(ParseHtmlText("<html><body>  </body></html>").ok());
}

TEST(ProseMarkdown, IsAGenericDocumentWithHeadingsAsOutlineAndTablesAsGrids) {
  Result<nlohmann::ordered_json> doc = ProcessBytes(
      "# Field notes\n\nWe went out on Monday.\n\n## The site\n\nIt rained.\n\n| day | rain |\n|---|---|\n"
      "| Mon | 12 mm |\n\n### Details\n\nMore text.\n",
      "notes.md", {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ((*doc)["document_type"], "generic_document");
  EXPECT_EQ((*doc)["source"]["format"], "markdown");
  EXPECT_EQ((*doc)["title"], "Field notes");
  const auto& outline = (*doc)["outline"];
  ASSERT_EQ(outline.size(), 1u);  // top level: ## The site
  EXPECT_EQ(outline[0]["label"], "##");
  EXPECT_EQ(outline[0]["title"], "The site");
  ASSERT_EQ(outline[0]["children"].size(), 1u);
  EXPECT_EQ(outline[0]["children"][0]["title"], "Details");
  ASSERT_EQ((*doc)["tables"].size(), 1u);
  EXPECT_EQ((*doc)["tables"][0]["header"], nlohmann::ordered_json({"day", "rain"}));
  EXPECT_EQ((*doc)["tables"][0]["rows"][0]["cells"], nlohmann::ordered_json({"Mon", "12 mm"}));
  EXPECT_EQ((*doc)["unparsed"].size(), 0u);
}

TEST(StandardParser, BlankRowBetweenTablesLetsACutDutyNameContinue) {
  // A page break without a repeated header (Marker's pipe tables, MinerU's
  // HTML): the duty name cut by the break continues without a warning.
  auto rows_with = [](bool blank) {
    std::vector<TabRow> rows;
    int n = 0;
    auto add = [&](Cells cells) { TabRow row;
      row.pos = {++n, 0};
      row.cells = std::move(cells);
      rows.push_back(std::move(row)); };
    add({"職能基準代碼", "ABC1234-001v1"});
    add({"主要職責", "工作任務", "工作產出", "行為指標", "職能級別", "職能內涵 (K=knowledge 知識)", "職能內涵 (S=skills 技能)"});
    add({"T1作業系統的配置與疑難", "T1.1安裝系統", "O1.1.1文件", "P1.1.1安裝。", "3", "K01系統", "S01操作"});
    if (blank) add({""});
    add({"排解", "", "", "P1.1.2設定。", "", "", ""});
    return rows;
  };
  for (bool blank : {true, false}) {
    Result<CompetencyStandard> standard = ParseCompetencyStandard(rows_with(blank), RuleSet::Default());
    ASSERT_TRUE(standard.ok());
    bool warned = false;
    for (const Warning& w : standard->diagnostics.warnings) warned = warned || w.kind == "continued_row";
    EXPECT_EQ(warned, !blank) << "blank row " << blank;
    ASSERT_EQ(standard->duties.size(), 1u);
    EXPECT_EQ(standard->duties[0].name, "作業系統的配置與疑難排解");
  }
}

TEST(StandardParser, PageNumberLineBetweenDutyTablesIsFurniture) {
  // Found on INM3513 with "- 3 -" or "第 3 頁，共 9 頁" lines between the
  // page pieces of its duty table: the numbers were read as the rest of
  // the duty's name ("…伺服器安全3 4 5").
  for (const char* furniture : {"3", "- 3 -", "第 3 頁，共 9 頁", "Page 3 of 9"}) {
    std::vector<TabRow> rows;
    int n = 0;
    auto add = [&](Cells cells) { TabRow row;
      row.pos = {++n, 0};
      row.cells = std::move(cells);
      rows.push_back(std::move(row)); };
    add({"職能基準代碼", "ABC1234-001v1"});
    add({"主要職責", "工作任務", "工作產出", "行為指標", "職能級別", "職能內涵 (K=knowledge 知識)", "職能內涵 (S=skills 技能)"});
    add({"T1系統配置", "T1.1安裝系統", "O1.1.1文件", "P1.1.1安裝。", "3", "K01系統", "S01操作"});
    add({""});
    add({furniture});
    add({""});
    add({"", "T1.2設定系統", "O1.2.1紀錄", "P1.2.1設定。", "3", "K01系統", "S01操作"});
    Result<CompetencyStandard> standard = ParseCompetencyStandard(rows, RuleSet::Default());
    ASSERT_TRUE(standard.ok());
    ASSERT_EQ(standard->duties.size(), 1u);
    EXPECT_EQ(standard->duties[0].name, "系統配置") << furniture;
    EXPECT_EQ(standard->duties[0].tasks.size(), 2u);
    EXPECT_TRUE(standard->diagnostics.unparsed.empty()) << furniture;
  }
}

TEST(StandardParser, NumberLineThatIsNoPageNumberIsKept) {
  std::vector<TabRow> rows;
  int n = 0;
  auto add = [&](Cells cells) { TabRow row;
      row.pos = {++n, 0};
      row.cells = std::move(cells);
      rows.push_back(std::move(row)); };
  add({"職能基準代碼", "ABC1234-001v1"});
  add({"主要職責", "工作任務", "工作產出", "行為指標", "職能級別", "職能內涵 (K=knowledge 知識)", "職能內涵 (S=skills 技能)"});
  add({"T1系統配置", "T1.1安裝系統", "O1.1.1文件", "P1.1.1安裝。", "3", "K01系統", "S01操作"});
  add({"第3章"});
  Result<CompetencyStandard> standard = ParseCompetencyStandard(rows, RuleSet::Default());
  ASSERT_TRUE(standard.ok());
  ASSERT_EQ(standard->duties.size(), 1u);
  EXPECT_NE(standard->duties[0].name.find("第3章"), std::string::npos);  // read, not dropped
}

}  // namespace
}  // namespace docpipe
