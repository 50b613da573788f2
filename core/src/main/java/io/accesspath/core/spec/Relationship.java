package io.accesspath.core.spec;

import io.accesspath.core.error.Loc;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A link between two entities, always normalized so that {@code child} is the side that holds
 * the reference (the "many" side of a one-to-many; either side of a one-to-one; the left side
 * of a many-to-many).
 *
 * @param name      unique name of the relationship ({@code order.customer})
 * @param kind      cardinality
 * @param child     the entity holding the reference (for many-to-many: the left entity)
 * @param parent    the referenced entity (for many-to-many: the right entity)
 * @param as        the name of the reference on the child ({@code customer}); filters and
 *                  fetches use it
 * @param inverse   the name of the collection on the parent ({@code orders}), if any
 * @param required  every child has a parent (NOT NULL)
 * @param owned     the child lives and dies with its parent (composition)
 * @param fanout    children per parent
 * @param through   for many-to-many, the junction table's name
 * @param attributes for many-to-many, attributes of the link itself (position, added_at)
 * @param maxDepth  for self-references, the depth of the tree
 * @param onDelete  an explicit ON DELETE action (cascade, restrict, set_null, no_action) overriding
 *                  the one derived from the relationship's meaning
 */
public record Relationship(String name, Kind kind, String child, String parent, String as, Optional<String> inverse,
                           boolean required, boolean owned, Fanout fanout, Optional<String> through,
                           List<Attribute> attributes, OptionalInt maxDepth,
                           Optional<String> onDelete, Loc loc) {

    public Relationship {
        attributes = List.copyOf(attributes);
    }

    public enum Kind {
        MANY_TO_ONE("many-to-one"), ONE_TO_ONE("one-to-one"), MANY_TO_MANY("many-to-many");

        private final String spelling;

        Kind(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }
    }

    public boolean isSelfReference() {
        return child.equals(parent);
    }

    public boolean isManyToMany() {
        return kind == Kind.MANY_TO_MANY;
    }

    /**
     * Children per parent.
     *
     * @param avg  average children per parent (for many-to-many: links per left row)
     * @param max  the most children one parent may have
     * @param skew how children are spread over parents
     */
    public record Fanout(Optional<Double> avg, OptionalLong max, Skew skew) {
        public static final Fanout UNKNOWN = new Fanout(Optional.empty(), OptionalLong.empty(), Skew.UNIFORM);
    }

    /**
     * How unevenly children spread over parents: uniform, or Zipf with exponent {@code s}
     * (s around 1 gives "a few hot customers"), or Pareto with shape {@code alpha}.
     */
    public record Skew(String kind, double parameter) {
        public static final Skew UNIFORM = new Skew("uniform", 0);

        public static Skew zipf(double s) {
            return new Skew("zipf", s);
        }

        public static Skew pareto(double alpha) {
            return new Skew("pareto", alpha);
        }

        public boolean isUniform() {
            return kind.equals("uniform");
        }

        @Override
        public String toString() {
            return isUniform() ? kind : kind + "(" + Rate.formatNumber(parameter) + ")";
        }
    }
}
