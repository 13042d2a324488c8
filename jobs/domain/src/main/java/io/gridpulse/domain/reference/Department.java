package io.gridpulse.domain.reference;

/** One responsible department (专业部门 / 责任单位); {@code parent} is the code of its parent or null. Immutable. */
public record Department(String code, String name, String parent) {}
