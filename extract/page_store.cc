#include "extract/page_store.h"

#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "extract/page_wire.h"

namespace docpipe {

PageStore::PageStore(int first, int last, bool spill)
    : first_(first), spill_(spill), slots_(static_cast<size_t>(std::max(0, last - first + 1))) {}

PageStore::~PageStore() {
  if (file_ != nullptr) std::fclose(file_);
}

Status PageStore::OpenSpill() {
  // The file is unlinked at once: nothing is left behind however the
  // process ends (a time budget's exit, a signal).
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/docpipe-pages.XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) return Status::IoError(std::string("cannot create a temporary file for the pages: ") + std::strerror(errno));
  ::unlink(path.c_str());
  file_ = ::fdopen(fd, "w+b");
  if (file_ == nullptr) {
    ::close(fd);
    return Status::IoError(std::string("cannot open the temporary file for the pages: ") + std::strerror(errno));
  }
  return Status::Ok();
}

Status PageStore::Add(Page page, std::string_view wire) {
  const int index = page.number - first_;
  if (index < 0 || index >= static_cast<int>(slots_.size()) || slots_[static_cast<size_t>(index)].stored) {
    return Status::InvalidArgument("page " + std::to_string(page.number) + " out of range or stored twice");
  }
  Slot& slot = slots_[static_cast<size_t>(index)];
  if (!spill_) {
    slot.page = std::move(page);
    slot.stored = true;
    return Status::Ok();
  }
  if (file_ == nullptr) {
    if (Status opened = OpenSpill(); !opened.ok()) return opened;
  }
  std::string encoded;
  if (wire.empty()) {
    encoded = EncodePage(page);
    wire = encoded;
  }
  if (std::fseek(file_, static_cast<long>(end_), SEEK_SET) != 0 ||
      std::fwrite(wire.data(), 1, wire.size(), file_) != wire.size()) {
    return Status::IoError(std::string("cannot write the pages' temporary file: ") + std::strerror(errno));
  }
  slot.offset = end_;
  slot.length = wire.size();
  slot.stored = true;
  end_ += wire.size();
  return Status::Ok();
}

Result<Page> PageStore::Load(size_t index) const {
  const Slot& slot = slots_.at(index);
  if (!slot.stored) return Status::Internal("page " + std::to_string(first_ + static_cast<int>(index)) + " was not read");
  if (slot.page) return *slot.page;
  std::string bytes(static_cast<size_t>(slot.length), '\0');
  if (std::fflush(file_) != 0 || std::fseek(file_, static_cast<long>(slot.offset), SEEK_SET) != 0 ||
      std::fread(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    return Status::IoError(std::string("cannot read the pages' temporary file back: ") + std::strerror(errno));
  }
  return DecodePage(bytes);
}

Result<Page> PageStore::Take(size_t index) {
  Slot& slot = slots_.at(index);
  if (slot.page) {
    Page page = std::move(*slot.page);
    slot.page.reset();
    slot.stored = false;
    return page;
  }
  return Load(index);
}

}  // namespace docpipe
