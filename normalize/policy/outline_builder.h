// OutlineBuilder: nests a document's headings into its outline by the rank
// of their labels (章 > 壹 > 一、 > (一) > 1. > (1)): a heading closes every
// open node of the same or a lower rank and becomes a child of the one left.
//
//   OutlineBuilder outline(&doc);
//   int node = outline.Add(heading, title, pos);
//   int current = outline.Current();  // -1 before the first heading
#ifndef DOCPIPE_NORMALIZE_POLICY_OUTLINE_BUILDER_H_
#define DOCPIPE_NORMALIZE_POLICY_OUTLINE_BUILDER_H_

#include <string>
#include <vector>

#include "model/policy_document.h"
#include "normalize/repair/heading_label.h"

namespace docpipe {

class OutlineBuilder {
 public:
  // `doc` must outlive this object; its outline and diagnostics are written.
  explicit OutlineBuilder(PolicyDocument* doc) : doc_(doc) {}

  // Appends a node and returns its index in doc->outline. A number skipped
  // after the previous sibling of the same kind is an "outline_gap" warning.
  int Add(const HeadingLabel& heading, std::string title, SourcePos pos);

  // The innermost open node; -1 when none is open.
  int Current() const { return open_.empty() ? -1 : open_.back(); }

 private:
  void CheckSequence(const HeadingLabel& heading, SourcePos pos);

  PolicyDocument* doc_;
  std::vector<int> open_;
  std::vector<int> top_level_;
};

}  // namespace docpipe

#endif  // DOCPIPE_NORMALIZE_POLICY_OUTLINE_BUILDER_H_
