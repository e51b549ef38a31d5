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

}  // namespace
}  // namespace docpipe
