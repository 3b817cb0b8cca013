package org.ecglab.data;

/** The role of a record in model development (PTB-XL: strat_fold 1–8 train, 9 validation, 10 test). */
public enum Split {
    TRAIN, VALIDATION, TEST;

    /** PTB-XL's recommended split of its ten stratified folds. */
    public static Split ofPtbXlFold(int strat_fold) {
        if (strat_fold < 1 || strat_fold > 10) {
            throw new IllegalArgumentException("strat_fold must be 1..10, got " + strat_fold);
        }
        return strat_fold <= 8 ? TRAIN : strat_fold == 9 ? VALIDATION : TEST;
    }
}
