package io.gridpulse.demo.city;

/**
 * A responsible department (专业部门/责任单位). {@code parent} is empty for top-level units.
 * {@code streetIndex} is the street (街道) an office (街道办事处) serves, or -1. Immutable.
 */
public record Department(String code, String name, String parent, int streetIndex) {}
