package io.gridpulse.domain.reference;

import io.gridpulse.domain.calendar.TimeLimit;

/**
 * One minor category (小类) of the catalogue with its disposal time limit. Immutable.
 *
 * @param major the major category (大类) as written in the catalogue
 * @param minor the minor category as written in the catalogue
 * @param department the department usually responsible, or null
 */
public record Category(
        String code, CategoryKind kind, String major, String minor, String name, TimeLimit limit, String department) {}
