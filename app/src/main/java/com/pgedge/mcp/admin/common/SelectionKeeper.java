package com.pgedge.mcp.admin.common;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableView;

/**
 * Keeps a table's selection (by key) across a refresh that replaces all rows: without it every
 * reload from disk or login event would clear what the admin had selected. The ViewModel raises
 * {@code updating} around the replacement; selection changes during it are not the admin's.
 */
public final class SelectionKeeper<S, K> {

    private final TableView<S> table;
    private final Function<S, K> key;
    private Set<K> remembered = new HashSet<>();
    private boolean restoring;

    public SelectionKeeper(TableView<S> table, ObservableValue<Boolean> updating, Function<S, K> key) {
        this.table = table;
        this.key = key;
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<S>) c -> {
            if (!restoring && !Boolean.TRUE.equals(updating.getValue())) {
                remember();
            }
        });
        updating.addListener((obs, was, now) -> {
            if (!Boolean.TRUE.equals(now)) {
                restore();
            }
        });
    }

    private void remember() {
        Set<K> next = new HashSet<>();
        for (S s : List.copyOf(table.getSelectionModel().getSelectedItems())) {
            if (s != null) {
                next.add(key.apply(s));
            }
        }
        remembered = next;
    }

    private void restore() {
        if (remembered.isEmpty()) {
            return;
        }
        restoring = true;
        try {
            table.getSelectionModel().clearSelection();
            List<S> items = table.getItems();
            for (int i = 0; i < items.size(); i++) {
                if (remembered.contains(key.apply(items.get(i)))) {
                    table.getSelectionModel().select(i);
                }
            }
        } finally {
            restoring = false;
        }
    }
}
