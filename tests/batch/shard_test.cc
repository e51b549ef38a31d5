#include "batch/shard.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace docpipe {
namespace {

TEST(Shard, ParseAcceptsKOfNAndRejectsTheRest) {
  Result<Shard> shard = ParseShard("2/4");
  ASSERT_TRUE(shard.ok()) << shard.status().ToString();
  EXPECT_EQ(shard->index, 2);
  EXPECT_EQ(shard->count, 4);
  EXPECT_TRUE(shard->sharded());
  EXPECT_EQ(shard->IndexName(), "index-shard-2-of-4.jsonl");
  EXPECT_EQ(shard->ToString(), "2/4");
  ASSERT_TRUE(ParseShard("0/1").ok());
  EXPECT_FALSE(ParseShard("0/1")->sharded());
  EXPECT_EQ(ParseShard("0/1")->IndexName(), "index.jsonl");
  for (const char* bad : {"4/4", "-1/4", "1/0", "0/-2", "a/b", "3", "", "1/4/2", " 1/4", "1/4x", "0/100001"}) {
    EXPECT_FALSE(ParseShard(bad).ok()) << bad;
  }
}

// Every path is in exactly one shard, whatever N, and N shards share a
// tree of many files about evenly.
TEST(Shard, EveryPathIsInExactlyOneShardAndTheSharesAreEven) {
  std::vector<std::string> paths;
  for (int i = 0; i < 2000; ++i) paths.push_back("folder" + std::to_string(i % 7) + "/doc-" + std::to_string(i) + ".pdf");
  for (int n : {1, 2, 3, 4, 7, 16}) {
    std::vector<int> sizes(n, 0);
    for (const std::string& path : paths) {
      int holders = 0;
      for (int k = 0; k < n; ++k) {
        if (Shard{k, n}.Holds(path)) {
          ++holders;
          ++sizes[k];
        }
      }
      EXPECT_EQ(holders, 1) << path << " in " << n << " shards";
    }
    const double even = 2000.0 / n;
    for (int k = 0; k < n; ++k) {
      EXPECT_GT(sizes[k], 0.8 * even) << k << "/" << n;
      EXPECT_LT(sizes[k], 1.2 * even) << k << "/" << n;
    }
  }
}

// The shard of a path is fixed by the path alone: the first 64 bits of its
// SHA-256 modulo N (values computed with Python's hashlib), so machines
// with other compilers or libraries agree.
TEST(Shard, ShardOfAPathIsTheSha256OfItsRelativePath) {
  EXPECT_TRUE((Shard{0, 4}.Holds("a/b.pdf")));
  EXPECT_TRUE((Shard{5, 7}.Holds("a/b.pdf")));
  EXPECT_TRUE((Shard{1, 4}.Holds("INM2529-002v2.txt")));
  EXPECT_TRUE((Shard{6, 7}.Holds("INM2529-002v2.txt")));
  EXPECT_FALSE((Shard{0, 4}.Holds("INM2529-002v2.txt")));
}

}  // namespace
}  // namespace docpipe
