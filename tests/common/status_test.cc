#include "common/status.h"

#include <gtest/gtest.h>

#include "common/sha256.h"

namespace docpipe {
namespace {

TEST(Status, CarriesCodeAndMessage) {
  Status s = Status::BadInput("empty file");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kBadInput);
  EXPECT_EQ(s.ToString(), "bad input: empty file");
  EXPECT_TRUE(Status::Ok().ok());
}

// The file a failure is about travels beside the message, so that the CLI
// can print it once and first ("docpipe export: FILE: bad input: ...").
TEST(Status, WithFileNamesTheFileOnceAndKeepsTheInnermost) {
  Status s = Status::IoError("rename failed: No space left on device").WithFile("out/x.json");
  EXPECT_EQ(s.file(), "out/x.json");
  EXPECT_EQ(s.message(), "rename failed: No space left on device");
  EXPECT_STREQ(s.KindName(), "I/O error");
  EXPECT_EQ(s.ToString(), "I/O error: out/x.json: rename failed: No space left on device");
  EXPECT_EQ(s.WithFile("out").file(), "out/x.json");
  Status in_context = s.WithContext("index");
  EXPECT_EQ(in_context.file(), "out/x.json");
  EXPECT_EQ(in_context.message(), "index: rename failed: No space left on device");
  EXPECT_TRUE(Status::Ok().WithFile("x").file().empty());
  EXPECT_EQ(Status::NotFound("no such file").ToString(), "not found: no such file");
}

// A resource bound that stopped the work (pages all stopped by their time
// or pixel budget) is its own kind, printed as the limits' one line is.
TEST(Status, LimitExceededIsItsOwnKind) {
  Status s = Status::LimitExceeded("no page could be read (page 1: ...)");
  EXPECT_EQ(s.code(), Status::Code::kLimitExceeded);
  EXPECT_STREQ(s.KindName(), "limit exceeded");
  EXPECT_EQ(s.ToString(), "limit exceeded: no page could be read (page 1: ...)");
}

TEST(Result, HoldsValueOrError) {
  Result<int> good = 7;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 7);
  Result<int> bad = Status::NotFound("x");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kNotFound);
}

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// FIPS 180-2's two-block and million-character vectors: the padding that
// spills into a second block, and input fed across many blocks at once.
TEST(Sha256, InputsLongerThanOneBlockGiveThePublishedDigests) {
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

}  // namespace
}  // namespace docpipe
