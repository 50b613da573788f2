package io.accesspath.core.design.internal;

import io.accesspath.core.design.Decision;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A small builder for {@link Decision}s; the id is {@code kind:subject}. */
public final class DecisionBuilder {
    private final Decision.Kind kind;
    private final String subject;
    private String choice = "";
    private final Set<String> patterns = new LinkedHashSet<>();
    private final Set<String> rules = new LinkedHashSet<>();
    private String reason = "";
    private final List<Decision.Alternative> alternatives = new ArrayList<>();
    private Decision.Cost cost;
    private boolean applied = true;
    private String sql;

    private DecisionBuilder(Decision.Kind kind, String subject) {
        this.kind = kind;
        this.subject = subject;
    }

    public static DecisionBuilder of(Decision.Kind kind, String subject) {
        return new DecisionBuilder(kind, subject);
    }

    public DecisionBuilder choice(String text) {
        this.choice = text;
        return this;
    }

    public DecisionBuilder pattern(String name) {
        patterns.add(name);
        return this;
    }

    public DecisionBuilder patterns(java.util.Collection<String> names) {
        patterns.addAll(names);
        return this;
    }

    public DecisionBuilder rule(String id) {
        rules.add(id);
        return this;
    }

    public DecisionBuilder rules(java.util.Collection<String> ids) {
        rules.addAll(ids);
        return this;
    }

    public DecisionBuilder reason(String text) {
        this.reason = text;
        return this;
    }

    public DecisionBuilder alternative(String option, String verdict) {
        alternatives.add(new Decision.Alternative(option, verdict));
        return this;
    }

    public DecisionBuilder alternatives(List<Decision.Alternative> list) {
        alternatives.addAll(list);
        return this;
    }

    public DecisionBuilder cost(Decision.Cost c) {
        this.cost = c;
        return this;
    }

    /** Marks the decision as a proposal the user must opt into, with the SQL that applies it. */
    public DecisionBuilder proposal(String applySql) {
        this.applied = false;
        this.sql = applySql;
        return this;
    }

    public Decision build() {
        return new Decision(kind.label() + ":" + subject, kind, subject, choice, List.copyOf(patterns),
                List.copyOf(rules), reason, alternatives, Optional.ofNullable(cost), applied, Optional.ofNullable(sql));
    }
}
