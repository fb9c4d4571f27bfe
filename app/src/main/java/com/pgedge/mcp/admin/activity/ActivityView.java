package com.pgedge.mcp.admin.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import atlantafx.base.controls.CustomTextField;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import com.pgedge.mcp.admin.common.Controls;
import com.pgedge.mcp.admin.common.RelativeTime;
import com.pgedge.mcp.admin.shell.Screen;
import com.pgedge.mcp.auth.AuthEvent;

/** The Activity screen: the live event log, the failed-attempt chart and the top offenders. */
public final class ActivityView implements Screen {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private final ActivityViewModel vm;
    private final VBox root = new VBox();
    private final TableView<AuthEvent> table = new TableView<>();
    private final TableView<FailureChart.Offender> offenders = new TableView<>();
    /** Holds the chart; each update builds a fresh chart (see showChart). */
    private final javafx.scene.layout.StackPane chartHolder = new javafx.scene.layout.StackPane();
    private final CustomTextField search = Controls.search("activitySearch", "Search events");

    /**
     * @param showLockouts jumps to the Lockouts screen (from an offender)
     */
    public ActivityView(ActivityViewModel vm, Consumer<String> showLockouts) {
        this.vm = vm;
        root.getStyleClass().add("screen");
        root.setId("activityScreen");

        Label title = new Label("Activity");
        title.getStyleClass().add("screen-title");
        Label summary = new Label();
        summary.setId("activitySummary");
        summary.getStyleClass().add("screen-summary");
        summary.textProperty().bind(Bindings.createStringBinding(() -> vm.summaryProperty().get()
                + (vm.sourceProperty().get() == null ? "" : "  -  from " + vm.sourceProperty().get()),
                vm.summaryProperty(), vm.sourceProperty()));

        Controls.bindSearch(search, vm.searchProperty());
        ComboBox<EventKind> kind = new ComboBox<>();
        kind.setId("activityKind");
        kind.getItems().setAll(EventKind.values());
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(kind, spacer, search);
        toolbar.getStyleClass().add("toolbar-row");

        buildTable();
        VBox chartBox = buildChart();
        VBox offendersBox = buildOffenders(showLockouts);
        HBox.setHgrow(chartBox, Priority.ALWAYS);
        HBox lower = new HBox(12, chartBox, offendersBox);
        SplitPane split = new SplitPane(table, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(new VBox(2, title, summary), toolbar, split);

        vm.chartProperty().addListener((o, a, c) -> showChart(c));
        showChart(vm.chartProperty().get());
        Timeline minute = new Timeline(new KeyFrame(javafx.util.Duration.seconds(30), e -> vm.recomputeChart()));
        minute.setCycleCount(Timeline.INDEFINITE);
        minute.play();
    }

    /**
     * New events are inserted at the top, which moves every visible row; with a fixed row height
     * the table need not measure each row again on every batch. The height is measured from the
     * first rows laid out (it depends on the theme and the platform's font), then fixed.
     */
    private void fixRowHeightOnceLaidOut() {
        javafx.beans.value.ChangeListener<Boolean> measure = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean needsLayout) {
                if (needsLayout) {
                    return;
                }
                double height = 0;
                for (Node row : table.lookupAll(".table-row-cell")) {
                    if (row instanceof javafx.scene.control.TableRow<?> r && !r.isEmpty()) {
                        height = Math.max(height, r.getHeight());
                    }
                }
                if (height > 0) {
                    table.needsLayoutProperty().removeListener(this);
                    table.setFixedCellSize(Math.ceil(height));
                }
            }
        };
        table.needsLayoutProperty().addListener(measure);
    }

    private void buildTable() {
        table.setId("activityTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll(atlantafx.base.theme.Styles.STRIPED, atlantafx.base.theme.Styles.DENSE);
        fixRowHeightOnceLaidOut();
        Label empty = new Label("No events yet. Logins, rejected tokens and admin changes appear here as they happen.");
        empty.getStyleClass().add("empty-placeholder");
        table.setPlaceholder(empty);

        TableColumn<AuthEvent, Instant> time = new TableColumn<>("Time");
        time.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().time()));
        time.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                var zone = vm.clock().getZone();
                boolean today = item.atZone(zone).toLocalDate().equals(LocalDate.now(vm.clock()));
                setText((today ? TIME : DATE_TIME).format(item.atZone(zone)));
            }
        });
        time.setPrefWidth(120);
        time.setSortable(false);

        TableColumn<AuthEvent, String> event = new TableColumn<>("Event");
        event.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(EventKind.describe(c.getValue().type())));
        event.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("expired-text");
                setText(empty ? null : item);
                AuthEvent e = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (e != null && (e.type().isFailure() || e.type() == com.pgedge.mcp.auth.AuthEventType.ACCOUNT_LOCKED
                        || e.type() == com.pgedge.mcp.auth.AuthEventType.RELOAD_FAILED)) {
                    getStyleClass().add("expired-text");
                }
            }
        });
        event.setPrefWidth(140);
        event.setSortable(false);

        TableColumn<AuthEvent, String> user = new TableColumn<>("User");
        user.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().username()));
        user.setPrefWidth(130);
        user.setSortable(false);
        TableColumn<AuthEvent, String> address = new TableColumn<>("Address");
        address.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().address()));
        address.setPrefWidth(170);
        address.setSortable(false);
        TableColumn<AuthEvent, String> detail = new TableColumn<>("Reason / subject");
        detail.setCellValueFactory(c -> {
            AuthEvent e = c.getValue();
            String text = e.reason() == null ? "" : e.reason();
            if (e.subject() != null) {
                text = text.isEmpty() ? e.subject() : text + "  (" + e.subject() + ")";
            }
            return new ReadOnlyObjectWrapper<>(text);
        });
        detail.setPrefWidth(400);
        detail.setSortable(false);
        table.getColumns().setAll(List.of(time, event, user, address, detail));
        table.setItems(vm.visibleEvents());
    }

    private VBox buildChart() {
        Label heading = new Label("Failed attempts");
        heading.getStyleClass().add("section-title");
        ComboBox<FailureChart.Bucket> bucket = new ComboBox<>();
        bucket.setId("chartBucket");
        bucket.getItems().setAll(FailureChart.Bucket.values());
        bucket.valueProperty().bindBidirectional(vm.bucketProperty());
        ComboBox<FailureChart.GroupBy> group = new ComboBox<>();
        group.setId("chartGroupBy");
        group.getItems().setAll(FailureChart.GroupBy.values());
        group.valueProperty().bindBidirectional(vm.groupByProperty());
        HBox bar = new HBox(heading, new HBox(), bucket, group);
        HBox.setHgrow(bar.getChildren().get(1), Priority.ALWAYS);
        bar.getStyleClass().add("toolbar-row");

        VBox.setVgrow(chartHolder, Priority.ALWAYS);
        chartHolder.setMinHeight(180);
        return new VBox(6, bar, chartHolder);
    }

    private VBox buildOffenders(Consumer<String> showLockouts) {
        Label heading = new Label("Top offenders");
        heading.getStyleClass().add("section-title");
        offenders.setId("offendersTable");
        offenders.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        offenders.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        Label empty = new Label("No failures in this period.");
        empty.getStyleClass().add("empty-placeholder");
        offenders.setPlaceholder(empty);
        TableColumn<FailureChart.Offender, String> key = new TableColumn<>("Address / user");
        key.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().key()));
        key.setPrefWidth(140);
        TableColumn<FailureChart.Offender, Integer> count = new TableColumn<>("Failures");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().failures()));
        count.setPrefWidth(80);
        TableColumn<FailureChart.Offender, String> last = new TableColumn<>("Last");
        last.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(RelativeTime.describe(c.getValue().lastSeen(), vm.clock().instant())));
        last.setPrefWidth(110);
        offenders.getColumns().setAll(List.of(key, count, last));
        VBox.setVgrow(offenders, Priority.ALWAYS);
        Button jump = Controls.button("jumpToLockouts", "Show in Lockouts", Feather.LOCK,
                "Open the Lockouts screen to unlock accounts or clear addresses");
        jump.setOnAction(e -> {
            FailureChart.Offender o = offenders.getSelectionModel().getSelectedItem();
            showLockouts.accept(o == null ? null : o.key());
        });
        VBox box = new VBox(6, heading, offenders, jump);
        box.setPrefWidth(360);
        box.setMinWidth(340);
        return box;
    }

    /** The chart on screen and what its shape was built from (categories, then series names). */
    private StackedBarChart<String, Number> shownChart;
    private List<String> shownShape = List.of();

    /**
     * Updates the bars in place when the shape (categories and series) is unchanged, which is the
     * common case during a burst: only the values move, and the FX thread does little work.
     * Otherwise builds a new chart: StackedBarChart recurses until the stack overflows when its
     * series and categories are cleared and refilled in place (a JavaFX bug).
     */
    private void showChart(FailureChart c) {
        if (c == null) {
            return;
        }
        List<String> shape = new java.util.ArrayList<>(c.categories());
        shape.add("|");
        shape.addAll(c.series().keySet());
        String title = c.total() == 0 ? "No failed attempts in this period" : null;
        if (shownChart != null && shape.equals(shownShape)) {
            int i = 0;
            for (int[] counts : c.series().values()) {
                List<XYChart.Data<String, Number>> bars = shownChart.getData().get(i++).getData();
                for (int b = 0; b < counts.length; b++) {
                    if (bars.get(b).getYValue().intValue() != counts[b]) {
                        bars.get(b).setYValue(counts[b]);
                    }
                }
            }
            shownChart.setTitle(title);
        } else {
            shownChart = newChart(c);
            shownChart.setTitle(title);
            shownShape = shape;
            chartHolder.getChildren().setAll(shownChart);
        }
        offenders.getItems().setAll(c.offenders().size() > 50 ? c.offenders().subList(0, 50) : c.offenders());
    }

    private static StackedBarChart<String, Number> newChart(FailureChart c) {
        CategoryAxis xAxis = new CategoryAxis(javafx.collections.FXCollections.observableArrayList(c.categories()));
        NumberAxis yAxis = new NumberAxis();
        yAxis.setMinorTickVisible(false);
        yAxis.setForceZeroInRange(true);
        yAxis.setTickLabelFormatter(new NumberAxis.DefaultFormatter(yAxis) {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? Integer.toString(n.intValue()) : "";
            }
        });
        javafx.collections.ObservableList<XYChart.Series<String, Number>> data = javafx.collections.FXCollections.observableArrayList();
        for (Map.Entry<String, int[]> s : c.series().entrySet()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(s.getKey());
            int[] counts = s.getValue();
            for (int i = 0; i < counts.length; i++) {
                series.getData().add(new XYChart.Data<>(c.categories().get(i), counts[i]));
            }
            data.add(series);
        }
        StackedBarChart<String, Number> chart = new StackedBarChart<>(xAxis, yAxis, data);
        chart.setId("failureChart");
        chart.setAnimated(false);
        chart.setCategoryGap(2);
        return chart;
    }

    @Override
    public String key() {
        return "activity";
    }

    @Override
    public String title() {
        return "Activity";
    }

    @Override
    public Ikon icon() {
        return Feather.ACTIVITY;
    }

    @Override
    public Node content() {
        return root;
    }

    @Override
    public List<MenuItem> actions() {
        return List.of();
    }

    @Override
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }
}
