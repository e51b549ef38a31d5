#include "common/file_io.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace docpipe {
namespace {
namespace fs = std::filesystem;

class FileIoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("docpipe_file_io_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(FileIoTest, WriteThenReadRoundTripsAndCreatesDirectories) {
  std::string path = (dir_ / "a" / "b" / "out.json").string();
  ASSERT_TRUE(WriteFileAtomic(path, "職能\n").ok());
  Result<std::string> back = ReadFile(path);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, "職能\n");
}

TEST_F(FileIoTest, AtomicWriteLeavesNoTemporaryFiles) {
  std::string path = (dir_ / "out.json").string();
  ASSERT_TRUE(WriteFileAtomic(path, "one").ok());
  ASSERT_TRUE(WriteFileAtomic(path, "two").ok());
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, 1);
  EXPECT_EQ(*ReadFile(path), "two");
}

TEST_F(FileIoTest, FailedWriteKeepsOldContent) {
  fs::create_directories(dir_);
  std::string path = (dir_ / "out.json").string();
  ASSERT_TRUE(WriteFileAtomic(path, "old").ok());
  // A directory in place of the parent makes the write fail.
  std::string impossible = (dir_ / "out.json" / "child.json").string();
  EXPECT_FALSE(WriteFileAtomic(impossible, "new").ok());
  EXPECT_EQ(*ReadFile(path), "old");
}

TEST_F(FileIoTest, AtomicWriterWritesInPiecesAndLeavesNothingUncommitted) {
  fs::create_directories(dir_);
  const std::string path = (dir_ / "out.json").string();
  ASSERT_TRUE(WriteFileAtomic(path, "old").ok());
  {
    Result<std::unique_ptr<AtomicFileWriter>> out = AtomicFileWriter::Open(path);
    ASSERT_TRUE(out.ok());
    ASSERT_TRUE((*out)->Write("half of").ok());
    EXPECT_EQ(*ReadFile(path), "old");  // not yet
  }  // dropped without Commit
  EXPECT_EQ(*ReadFile(path), "old");
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir_)) files += entry.is_regular_file();
  EXPECT_EQ(files, 1u);
  Result<std::unique_ptr<AtomicFileWriter>> out = AtomicFileWriter::Open(path);
  ASSERT_TRUE(out.ok());
  ASSERT_TRUE((*out)->Write("職能").ok());
  ASSERT_TRUE((*out)->Write("基準\n").ok());
  ASSERT_TRUE((*out)->Commit().ok());
  EXPECT_EQ(*ReadFile(path), "職能基準\n");
  EXPECT_FALSE((*out)->Write("more").ok());
}

// `run`'s outputs: renamed into place without an fsync of their own, the
// same bytes and mode, nothing left beside them; SyncFileSystem then
// flushes the folder's file system, and names a folder it cannot open.
TEST_F(FileIoTest, FlushLaterWritesTheSameFileAndSyncFileSystemFlushesIt) {
  const std::string path = (dir_ / "sub" / "out.json").string();
  ASSERT_TRUE(WriteFileAtomic(path, "old", Flush::kLater).ok());
  ASSERT_TRUE(WriteFileAtomic(path, "職能基準\n", Flush::kLater).ok());
  EXPECT_EQ(*ReadFile(path), "職能基準\n");
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir_ / "sub")) files += entry.is_regular_file();
  EXPECT_EQ(files, 1u);
  EXPECT_EQ(fs::status(path).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
  EXPECT_TRUE(SyncFileSystem((dir_ / "sub").string()).ok());
  EXPECT_TRUE(SyncFileSystem(path).ok());
  const Status missing = SyncFileSystem((dir_ / "nowhere").string());
  EXPECT_EQ(missing.code(), Status::Code::kIoError);
  EXPECT_NE(missing.ToString().find("nowhere"), std::string::npos) << missing.ToString();
}

TEST_F(FileIoTest, ReadFileGivesEveryByteOfAFileLargerThanOneChunk) {
  // 200,001 bytes, every byte value including NUL, past several 64 KB reads.
  std::string bytes;
  for (int k = 0; k < 200001; ++k) bytes.push_back(static_cast<char>((k * 7 + k / 256) & 0xff));
  std::string path = (dir_ / "big.bin").string();
  ASSERT_TRUE(WriteFileAtomic(path, bytes).ok());
  Result<std::string> back = ReadFile(path);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->size(), bytes.size());
  EXPECT_TRUE(*back == bytes);
}

TEST_F(FileIoTest, ReadFileReadsAFileThatReportsNoSize) {
  // /proc files say 0 bytes and hold more: the size is only a hint.
  Result<std::string> status = ReadFile("/proc/self/status");
  ASSERT_TRUE(status.ok()) << status.status().ToString();
  EXPECT_EQ(fs::file_size("/proc/self/status"), 0u);
  EXPECT_EQ(status->rfind("Name:", 0), 0u) << *status;
  EXPECT_NE(status->find("\nVmRSS:"), std::string::npos) << *status;
}

TEST_F(FileIoTest, ReadMissingFileIsNotFound) {
  Result<std::string> r = ReadFile((dir_ / "missing.txt").string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace docpipe
