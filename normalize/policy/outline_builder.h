// OutlineBuilder: nests a document's headings into its outline.
//
// While the document is read, a heading nests by the rank of its label
// (章 > 壹 > 一、 > (一) > 1. > (1)): it closes every open node of the same
// or a lower rank and becomes a child of the one left. Finish() then makes
// the levels agree with the page: labels of one kind set at one indentation
// are siblings at one level throughout a part of the document (the body,
// or one chapter or appendix). Where the printed rank nested such a label
// deeper than its kind at that indentation stands elsewhere (a "（1）"
// printed under "2." at 2.'s own indentation), the label is lifted to that
// level, closing the open nodes set at its indentation or right of it
// (never one set left of it), and an "outline_level" warning names it.
// Headings whose indentation is unknown (text from other extractors) keep
// the level their rank gives. A number skipped after the previous sibling
// of the same kind is an "outline_gap" warning, checked on the final tree.
//
//   OutlineBuilder outline(&doc);
//   int node = outline.Add(heading, title, pos, indentation);
//   int current = outline.Current();  // -1 before the first heading
//   outline.Finish();                 // once, after the last heading
#ifndef DOCPIPE_NORMALIZE_POLICY_OUTLINE_BUILDER_H_
#define DOCPIPE_NORMALIZE_POLICY_OUTLINE_BUILDER_H_

#include <optional>
#include <string>
#include <vector>

#include "model/policy_document.h"
#include "normalize/repair/heading_label.h"

namespace docpipe {

// Where a heading's first line starts, right of its column's left edge, in
// points, and its font size (the unit of the tolerance).
struct Indentation {
  double x = 0;
  double size = 0;
};

class OutlineBuilder {
 public:
  // `doc` must outlive this object; its outline and diagnostics are written.
  explicit OutlineBuilder(PolicyDocument* doc) : doc_(doc) {}

  // Appends a node and returns its index in doc->outline.
  int Add(const HeadingLabel& heading, std::string title, SourcePos pos,
          std::optional<Indentation> indentation = std::nullopt);

  // The innermost open node; -1 when none is open.
  int Current() const { return open_.empty() ? -1 : open_.back(); }

  // Settles the levels by kind and indentation and checks the numbering.
  void Finish();

 private:
  struct Key {
    std::string kind;
    std::optional<Indentation> indentation;
  };
  // Sets parent, level and children of every node; a node with a target
  // level is lifted to it as far as the indentation of the nodes it would
  // close allows.
  void Nest(const std::vector<int>& target);
  // The level every node of one kind, part and indentation should share:
  // the shallowest among them; 0 where nothing is to change.
  std::vector<int> TargetLevels() const;
  void CheckSequences();

  PolicyDocument* doc_;
  std::vector<int> open_;
  std::vector<Key> keys_;  // one per node
};

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_POLICY_OUTLINE_BUILDER_H_
